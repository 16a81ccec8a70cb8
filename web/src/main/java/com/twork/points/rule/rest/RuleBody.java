package com.twork.points.rule.rest;

import java.util.List;

/** A rule on the wire; the same shape is accepted (without id, version, status and times) to create or edit. */
public record RuleBody(
        long id,
        int version,
        String status,
        String name,
        int priority,
        Scope scope,
        Effect effect,
        String startsAt,
        String endsAt,
        List<String> tiers,
        String minOrderValue,
        Caps caps,
        String createdAt,
        String updatedAt,
        String updatedBy) {

    /** Inclusions (empty: every product) and exclusions, which always win. */
    public record Scope(
            List<Long> products,
            List<Long> categories,
            List<String> skus,
            List<Long> excludedProducts,
            List<Long> excludedCategories,
            List<String> excludedSkus) {}

    /** {@code kind}: multiplier, points_per_unit, bonus_per_order, bonus_per_item, earns_nothing. */
    public record Effect(String kind, String amount) {}

    /** Each cap or null for none. */
    public record Caps(Long perOrder, Long perMemberPerDay, Long perCampaign) {}
}
