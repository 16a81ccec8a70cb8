package com.twork.points.rule.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An award explained: one entry per (line, rule) that changed the points, the default rate being rule 0. The entries
 * add up to the award. Stored with the award, so a refund of a line takes back what that line earned then, whatever
 * the rules say now.
 */
public record AwardBreakdown(List<Entry> entries) {

    /** The rule id of the default rate (points_rate × tier multiplier) in a breakdown. */
    public static final long BASE_RATE = 0;

    /** The line key of an entry that belongs to the whole order (a per-order bonus). */
    public static final String WHOLE_ORDER = "order";

    /**
     * One line's points from one rule. {@code points} may be negative for a rate rule that earns less than the
     * default rate (or nothing); {@code capped} says a cap cut it.
     */
    public record Entry(String line, long ruleId, int ruleVersion, String label, long points, boolean capped) {}

    public AwardBreakdown {
        entries = List.copyOf(entries);
    }

    public long total() {
        return entries.stream().mapToLong(Entry::points).sum();
    }

    /** What each line (and the whole order) earned, in entry order. */
    public Map<String, Long> byLine() {
        Map<String, Long> lines = new LinkedHashMap<>();
        entries.forEach(entry -> lines.merge(entry.line(), entry.points(), Long::sum));
        return lines;
    }

    /** What each rule added in this award, counting only what it added (its positive entries), for the caps. */
    public Map<Long, Long> addedByRule() {
        Map<Long, Long> rules = new LinkedHashMap<>();
        entries.stream()
                .filter(entry -> entry.ruleId() != BASE_RATE && entry.points() > 0)
                .forEach(entry -> rules.merge(entry.ruleId(), entry.points(), Long::sum));
        return rules;
    }
}
