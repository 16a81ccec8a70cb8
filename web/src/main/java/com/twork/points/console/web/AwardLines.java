package com.twork.points.console.web;

import com.twork.points.rule.boundary.AwardExplanations;
import com.twork.points.rule.control.AwardBreakdown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An order award's breakdown as the console shows it under the row: one line per rule that changed the points, its
 * lines added up, e.g. "2× Summer coffee: +48", "(capped)" when a cap cut it. The default rate is the rest of the
 * row's points and gets no line.
 */
final class AwardLines {
    private AwardLines() {}

    static List<String> of(AwardBreakdown breakdown) {
        Map<String, Sum> byLabel = new LinkedHashMap<>();
        for (AwardBreakdown.Entry entry : AwardExplanations.byRules(breakdown)) {
            byLabel.merge(entry.label(), new Sum(entry.points(), entry.capped()), Sum::plus);
        }
        List<String> lines = new ArrayList<>(byLabel.size());
        byLabel.forEach((label, sum) -> lines.add(label + ": " + (sum.points() >= 0 ? "+" : "")
                + String.format(Locale.ROOT, "%,d", sum.points()) + (sum.capped() ? " (capped)" : "")));
        return lines;
    }

    /** What one rule added over the award's lines, and whether a cap cut any of them. */
    private record Sum(long points, boolean capped) {
        Sum plus(Sum other) {
            return new Sum(points + other.points, capped || other.capped);
        }
    }
}
