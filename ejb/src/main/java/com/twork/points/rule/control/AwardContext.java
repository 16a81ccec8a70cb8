package com.twork.points.rule.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The order being awarded as the evaluator needs it: when (for windows and the day of the per-day cap), the site
 * zone, the member's tier and its multiplier, the default rate, the eligible total (for the minimum order value),
 * the lines (whose amounts add up to the eligible total) and what the member already got from capped rules.
 */
public record AwardContext(
        Instant at,
        ZoneId zone,
        String tierKey,
        BigDecimal tierMultiplier,
        BigDecimal pointsRate,
        BigDecimal eligibleTotal,
        List<OrderLine> lines,
        RuleUsage usage) {

    public AwardContext {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(tierKey, "tierKey");
        Objects.requireNonNull(tierMultiplier, "tierMultiplier");
        Objects.requireNonNull(pointsRate, "pointsRate");
        Objects.requireNonNull(eligibleTotal, "eligibleTotal");
        lines = List.copyOf(lines);
        Objects.requireNonNull(usage, "usage");
    }

    public AwardContext withUsage(RuleUsage newUsage) {
        return new AwardContext(at, zone, tierKey, tierMultiplier, pointsRate, eligibleTotal, lines, newUsage);
    }
}
