package com.twork.points.console.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A console filter's SQL: conditions joined by AND, each with its positional parameters, in order. */
final class Conditions {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    void add(String condition, Object... values) {
        conditions.add(condition);
        parameters.addAll(Arrays.asList(values));
    }

    void add(TransactionFilter.Where condition) {
        conditions.add(condition.clause());
        parameters.addAll(condition.parameters());
    }

    /** {@code " WHERE ..."}, or an empty clause when there is no condition. */
    TransactionFilter.Where where() {
        return new TransactionFilter.Where(
                conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), List.copyOf(parameters));
    }
}
