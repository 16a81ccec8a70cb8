package com.twork.points.rule.control;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;

/**
 * One version of an earning rule, as evaluated. {@code id} names the rule across its versions (a campaign's caps
 * count over all of them); {@code version} is what an award records, so a later edit never rewrites it.
 */
public record EarningRule(
        long id,
        int version,
        String name,
        RuleScope scope,
        RuleEffect effect,
        CampaignWindow window,
        Set<String> tiers,
        BigDecimal minOrderValue,
        RuleCaps caps,
        int priority) {

    /** Higher priority first, then the older rule: the one order every tie is broken by. */
    public static final Comparator<EarningRule> PRECEDENCE = Comparator.comparingInt(EarningRule::priority)
            .reversed()
            .thenComparingLong(EarningRule::id)
            .thenComparingInt(EarningRule::version);

    public EarningRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(window, "window");
        tiers = Set.copyOf(tiers);
        minOrderValue = minOrderValue == null ? BigDecimal.ZERO : minOrderValue;
        Objects.requireNonNull(caps, "caps");
    }

    /** A rule of the given effect on the given scope with no window, tiers, minimum or caps. */
    public static EarningRule simple(long id, String name, RuleScope scope, RuleEffect effect, int priority) {
        return new EarningRule(
                id,
                1,
                name,
                scope,
                effect,
                CampaignWindow.always(),
                Set.of(),
                BigDecimal.ZERO,
                RuleCaps.none(),
                priority);
    }

    /** The label a breakdown line shows, e.g. "2× Summer coffee". */
    public String label() {
        return switch (effect.kind()) {
            case MULTIPLIER -> effect.shortLabel() + " " + name;
            default -> name;
        };
    }

    boolean appliesTo(AwardContext order) {
        return window.contains(order.at(), order.zone())
                && (tiers.isEmpty() || tiers.contains(order.tierKey()))
                && order.eligibleTotal().compareTo(minOrderValue) >= 0;
    }
}
