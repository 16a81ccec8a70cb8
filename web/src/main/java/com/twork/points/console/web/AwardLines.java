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
        Map<String, long[]> byLabel = new LinkedHashMap<>();
        for (AwardBreakdown.Entry entry : AwardExplanations.byRules(breakdown)) {
            long[] sum = byLabel.computeIfAbsent(entry.label(), label -> new long[2]);
            sum[0] += entry.points();
            sum[1] |= entry.capped() ? 1 : 0;
        }
        List<String> lines = new ArrayList<>(byLabel.size());
        byLabel.forEach((label, sum) -> lines.add(label + ": " + (sum[0] >= 0 ? "+" : "")
                + String.format(Locale.ROOT, "%,d", sum[0]) + (sum[1] == 1 ? " (capped)" : "")));
        return lines;
    }
}
