package com.twork.points.rule.control;

import java.util.OptionalLong;

/**
 * Upper limits on what one rule adds (never on the default rate): per order, per member and site-local day, and
 * per member over the rule's whole life (its campaign, across versions). Empty means unlimited.
 */
public record RuleCaps(OptionalLong perOrder, OptionalLong perMemberPerDay, OptionalLong perCampaign) {

    public static RuleCaps none() {
        return new RuleCaps(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());
    }

    public boolean any() {
        return perOrder.isPresent() || perMemberPerDay.isPresent() || perCampaign.isPresent();
    }

    public boolean needsUsage() {
        return perMemberPerDay.isPresent() || perCampaign.isPresent();
    }

    /** The room left in this order given what the member already got from the rule today and in the campaign. */
    long room(long usedToday, long usedInCampaign) {
        long room = Long.MAX_VALUE;
        if (perOrder.isPresent()) {
            room = Math.min(room, perOrder.getAsLong());
        }
        if (perMemberPerDay.isPresent()) {
            room = Math.min(room, perMemberPerDay.getAsLong() - usedToday);
        }
        if (perCampaign.isPresent()) {
            room = Math.min(room, perCampaign.getAsLong() - usedInCampaign);
        }
        return Math.max(0, room);
    }
}
