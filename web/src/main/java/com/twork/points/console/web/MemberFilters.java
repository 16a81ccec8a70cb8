package com.twork.points.console.web;

import com.twork.points.console.control.MemberFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads the members list's filters from a query string ({@code q, tier, status, min, max, active, idle}); a value
 * that cannot be read is left out and named by {@link #problems}, so the page shows the problem and no rows.
 */
final class MemberFilters {
    static final Set<String> STATUSES = Set.of("active", "inactive");
    static final Set<Integer> ACTIVITY_DAYS = Set.of(7, 30, 90, 180, 365);

    private MemberFilters() {}

    static MemberFilter from(UnaryOperator<String> parameters, Set<String> tierKeys) {
        return new MemberFilter(
                text(parameters, "q"),
                text(parameters, "tier").filter(tierKeys::contains),
                text(parameters, "status").filter(STATUSES::contains),
                points(parameters, "min"),
                points(parameters, "max"),
                days(parameters, "active"),
                days(parameters, "idle"));
    }

    static List<String> problems(UnaryOperator<String> parameters, Set<String> tierKeys) {
        List<String> problems = new ArrayList<>();
        if (text(parameters, "tier").filter(value -> !tierKeys.contains(value)).isPresent()) {
            problems.add("Unknown tier: pick one from the list.");
        }
        if (text(parameters, "status")
                .filter(value -> !STATUSES.contains(value))
                .isPresent()) {
            problems.add("Status is active or blocked.");
        }
        for (String name : new String[] {"min", "max"}) {
            if (text(parameters, name).isPresent() && points(parameters, name).isEmpty()) {
                problems.add("Balance " + (name.equals("min") ? "from" : "to") + ": enter a whole number of points.");
            }
        }
        Optional<Long> min = points(parameters, "min");
        Optional<Long> max = points(parameters, "max");
        if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
            problems.add("Balance from (" + min.get() + ") is above balance to (" + max.get() + ").");
        }
        for (String name : new String[] {"active", "idle"}) {
            if (text(parameters, name).isPresent() && days(parameters, name).isEmpty()) {
                problems.add("Last activity: pick a choice from the list.");
            }
        }
        return problems;
    }

    private static Optional<String> text(UnaryOperator<String> parameters, String name) {
        String value = parameters.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static Optional<Long> points(UnaryOperator<String> parameters, String name) {
        return text(parameters, name)
                .filter(value -> value.matches("\\d{1,12}"))
                .map(Long::parseLong);
    }

    private static Optional<Integer> days(UnaryOperator<String> parameters, String name) {
        return text(parameters, name)
                .filter(value -> value.matches("\\d{1,3}"))
                .map(Integer::parseInt)
                .filter(ACTIVITY_DAYS::contains);
    }
}
