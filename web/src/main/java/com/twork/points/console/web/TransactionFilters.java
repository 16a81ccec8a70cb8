package com.twork.points.console.web;

import com.twork.points.console.control.TransactionFilter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads the transaction filters from a query string ({@code type, member, order, q, from, to}). A value that
 * cannot be read is left out of the filter and {@link #problem} says which, so the page can tell the user and
 * show no rows rather than rows the user did not ask for.
 */
final class TransactionFilters {
    private TransactionFilters() {}

    static TransactionFilter from(UnaryOperator<String> parameters) {
        return new TransactionFilter(
                text(parameters, "type").filter(TransactionFilter.TYPES::contains),
                text(parameters, "member")
                        .filter(value -> value.matches("\\d{1,18}"))
                        .map(Long::parseLong),
                text(parameters, "order"),
                text(parameters, "q"),
                date(parameters, "from"),
                date(parameters, "to"));
    }

    /** What was given but could not be used, in words; empty when every filter was understood. */
    static Optional<String> problem(UnaryOperator<String> parameters) {
        if (text(parameters, "type")
                .filter(value -> !TransactionFilter.TYPES.contains(value))
                .isPresent()) {
            return Optional.of("Unknown type: pick one from the list.");
        }
        if (text(parameters, "member")
                .filter(value -> !value.matches("\\d{1,18}"))
                .isPresent()) {
            return Optional.of("Member: enter a user id (digits only).");
        }
        for (String name : new String[] {"from", "to"}) {
            if (text(parameters, name).isPresent() && date(parameters, name).isEmpty()) {
                return Optional.of("Dates are written YYYY-MM-DD (" + name + ").");
            }
        }
        Optional<LocalDate> from = date(parameters, "from");
        Optional<LocalDate> to = date(parameters, "to");
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            return Optional.of("The From date (" + from.get() + ") is after the To date (" + to.get()
                    + "): swap them to see the days between.");
        }
        return Optional.empty();
    }

    private static Optional<String> text(UnaryOperator<String> parameters, String name) {
        String value = parameters.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static Optional<LocalDate> date(UnaryOperator<String> parameters, String name) {
        try {
            return text(parameters, name).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
