package com.twork.points.rule.control;

import java.math.BigDecimal;
import java.util.Set;

/** What staff write when they create or edit a rule: everything but its identity and version. */
public record RuleDraft(
        String name,
        RuleScope scope,
        RuleEffect effect,
        CampaignWindow window,
        Set<String> tiers,
        BigDecimal minOrderValue,
        RuleCaps caps,
        int priority) {

    public RuleDraft {
        name = name == null ? "" : name.trim();
        tiers = Set.copyOf(tiers);
        minOrderValue = minOrderValue == null ? BigDecimal.ZERO : minOrderValue;
    }

    public EarningRule as(long id, int version) {
        return new EarningRule(id, version, name, scope, effect, window, tiers, minOrderValue, caps, priority);
    }
}
