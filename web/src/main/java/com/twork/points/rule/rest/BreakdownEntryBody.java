package com.twork.points.rule.rest;

/** One line of an award's explanation: rule 0 is the default rate; {@code line} "order" is the whole order. */
public record BreakdownEntryBody(
        String line, long ruleId, int ruleVersion, String label, long points, boolean capped) {}
