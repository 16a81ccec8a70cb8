package com.twork.points.rule.control;

import java.util.Map;

/**
 * What a member already received from each capped rule: on the order's site-local day and over the rule's life.
 * Read under the member's account lock, so two orders of one member never both see the room that is left.
 */
public record RuleUsage(Map<Long, Long> today, Map<Long, Long> campaign) {

    public RuleUsage {
        today = Map.copyOf(today);
        campaign = Map.copyOf(campaign);
    }

    public static RuleUsage none() {
        return new RuleUsage(Map.of(), Map.of());
    }

    long today(long ruleId) {
        return today.getOrDefault(ruleId, 0L);
    }

    long campaign(long ruleId) {
        return campaign.getOrDefault(ruleId, 0L);
    }
}
