package com.twork.points.console.web;

import com.twork.points.console.boundary.ConsoleRows.DayTotals;
import com.twork.points.console.boundary.ConsoleRows.TierCount;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's pictures as server-rendered SVG (no script, so the console's strict Content-Security-Policy
 * holds): grouped bars of points earned, redeemed and expired per day, and a bar per tier. Every bar carries its
 * value in a {@code <title>} (shown on hover, read by screen readers) and in {@code data-} attributes; the same
 * figures are also on the page as a table.
 */
public final class ConsoleCharts {
    static final int WIDTH = 900;
    static final int HEIGHT = 280;
    private static final int LEFT = 56;
    private static final int BOTTOM = 36;
    private static final int TOP = 12;

    private ConsoleCharts() {}

    public static String daily(List<DayTotals> days) {
        long max = 1;
        for (DayTotals day : days) {
            max = Math.max(max, Math.max(day.earned(), Math.max(day.redeemed(), day.expired())));
        }
        long top = axisTop(max);
        double plotWidth = WIDTH - LEFT - 8.0;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = plotWidth / Math.max(1, days.size());
        double bar = Math.max(1, (slot - 4) / 3);
        // About six day labels whatever the period, so they stay readable when the chart is phone-sized.
        int labelEvery = Math.max(5, (days.size() + 5) / 6);
        StringBuilder svg =
                open("daily-chart", "Points issued, redeemed and expired per day over " + days.size() + " days");
        axis(svg, top, plotHeight);
        for (int i = 0; i < days.size(); i++) {
            DayTotals day = days.get(i);
            double x = LEFT + i * slot + 2;
            bar(svg, "earned", day.day() + ": " + day.earned() + " issued", x, day.earned(), top, plotHeight, bar);
            bar(
                    svg,
                    "redeemed",
                    day.day() + ": " + day.redeemed() + " redeemed",
                    x + bar,
                    day.redeemed(),
                    top,
                    plotHeight,
                    bar);
            bar(
                    svg,
                    "expired",
                    day.day() + ": " + day.expired() + " expired",
                    x + 2 * bar,
                    day.expired(),
                    top,
                    plotHeight,
                    bar);
            if (i % labelEvery == 0 || i == days.size() - 1 && i % labelEvery > labelEvery / 2) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5b6577\">%s</text>",
                        x + slot / 2,
                        HEIGHT - 14,
                        day.day().toString().substring(5)));
            }
        }
        return svg.append("</svg>").toString();
    }

    public static String tiers(List<TierCount> tiers) {
        long max = 1;
        for (TierCount tier : tiers) {
            max = Math.max(max, tier.members());
        }
        long top = axisTop(max);
        double plotWidth = WIDTH - LEFT - 8.0;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = plotWidth / Math.max(1, tiers.size());
        double bar = Math.min(120, slot * 0.6);
        StringBuilder svg = open("tier-chart", "Members per tier");
        axis(svg, top, plotHeight);
        for (int i = 0; i < tiers.size(); i++) {
            TierCount tier = tiers.get(i);
            double x = LEFT + i * slot + (slot - bar) / 2;
            bar(
                    svg,
                    "tier",
                    tier.label() + ": " + tier.members() + " member(s)",
                    x,
                    tier.members(),
                    top,
                    plotHeight,
                    bar);
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1d2433\">%s</text>",
                    x + bar / 2,
                    HEIGHT - 14,
                    escape(tier.label())));
        }
        return svg.append("</svg>").toString();
    }

    /** The axis top: four equal steps, each 1, 2 or 5 times a power of ten, together at or above {@code value}. */
    static long axisTop(long value) {
        return 4 * niceCeiling(Math.max(1, (value + 3) / 4));
    }

    static long niceCeiling(long value) {
        long power = 1;
        while (power * 10 <= value) {
            power *= 10;
        }
        for (long step : new long[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static StringBuilder open(String id, String label) {
        return new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"%s\" viewBox=\"0 0 %d %d\" role=\"img\""
                        + " aria-label=\"%s\"><title>%s</title>",
                id,
                WIDTH,
                HEIGHT,
                escape(label),
                escape(label)));
    }

    private static void axis(StringBuilder svg, long top, double plotHeight) {
        for (int step = 0; step <= 4; step++) {
            double y = TOP + plotHeight - plotHeight * step / 4;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#d9dee7\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6577\">%d</text>",
                    LEFT,
                    WIDTH - 8,
                    y,
                    y,
                    LEFT - 6,
                    y + 4,
                    top * step / 4));
        }
    }

    private static void bar(
            StringBuilder svg,
            String series,
            String title,
            double x,
            long value,
            long top,
            double plotHeight,
            double width) {
        double height = value <= 0 ? 0 : Math.max(1, plotHeight * value / top);
        svg.append(String.format(
                Locale.ROOT,
                "<rect class=\"bar %s\" data-series=\"%s\" data-value=\"%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
                        + " height=\"%.1f\"><title>%s</title></rect>",
                series,
                series,
                value,
                x,
                TOP + plotHeight - height,
                width,
                height,
                escape(title)));
    }
}
