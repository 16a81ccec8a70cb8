package com.twork.points.platform.rest;

import com.twork.points.platform.control.ClientDateTime;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads query parameters, collecting every problem so one 400 names all bad parameters at once (WordPress's
 * {@code rest_invalid_param}). When a parameter repeats, the last value wins, as in PHP.
 */
public final class QueryParameters {
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final MultivaluedMap<String, String> values;
    private final Map<String, String> problems = new LinkedHashMap<>();

    public QueryParameters(MultivaluedMap<String, String> values) {
        this.values = values;
    }

    public Optional<String> text(String name) {
        List<String> all = values.get(name);
        if (all == null || all.isEmpty()) {
            return Optional.empty();
        }
        String value = all.get(all.size() - 1).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /**
     * A non-negative whole number; negative or non-numeric values are problems. Huge values are read as the
     * largest int, so the caller's clamping applies to them too.
     */
    public Optional<Integer> count(String name) {
        Optional<String> text = text(name);
        if (text.isPresent() && !DIGITS.matcher(text.get()).matches()) {
            problems.put(name, name + " must be a whole number of 0 or more.");
            return Optional.empty();
        }
        return text.map(digits -> {
            String significant = digits.replaceFirst("^0+(?=\\d)", "");
            return significant.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(significant);
        });
    }

    public Optional<String> oneOf(String name, List<String> allowed) {
        Optional<String> text = text(name);
        if (text.isPresent() && !allowed.contains(text.get())) {
            problems.put(name, name + " must be one of: " + String.join(", ", allowed) + ".");
            return Optional.empty();
        }
        return text;
    }

    public Optional<ClientDateTime> dateTime(String name) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<ClientDateTime> parsed = ClientDateTime.parse(text.get());
        if (parsed.isEmpty()) {
            problems.put(name, name + " must be a date (YYYY-MM-DD) or an ISO-8601 date-time.");
        }
        return parsed;
    }

    public void problem(String name, String message) {
        problems.put(name, message);
    }

    /** Throws the 400 naming every bad parameter, if any was found. */
    public void requireValid() {
        if (!problems.isEmpty()) {
            throw RequestFailure.invalidParams(problems);
        }
    }
}
