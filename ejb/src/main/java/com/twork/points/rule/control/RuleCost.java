package com.twork.points.rule.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "What would this have cost?": a rule applied to the orders awarded in a past period, computed by MariaDB in one
 * set-based query over the stored breakdowns (each line's default-rate entry carries its product, quantity and
 * amount), so the application holds one result row whatever the history's size. It estimates the rule alone on top
 * of what was awarded: against the default-rate points each line earned, with its window, tiers (the member's tier
 * when the order was awarded, and its multiplier for points per unit), minimum order value and caps (per order, per
 * member and day, per member over the period). Lines of products the catalog does not know now are not covered, as
 * in a live award.
 */
@ApplicationScoped
public class RuleCost {
    static final long NO_CAP = 4_000_000_000_000_000_000L;

    @PersistenceContext
    EntityManager em;

    /** {extra points, members reached, orders reached}. */
    public long[] estimate(EarningRule rule, LocalDate from, LocalDate to, ZoneId zone) {
        List<Object> parameters = new ArrayList<>();
        String covered = covered(rule.scope(), parameters);
        String lineExtra = switch (rule.effect().kind()) {
            case MULTIPLIER ->
                "e.points * (" + rule.effect().amount().subtract(BigDecimal.ONE).toPlainString() + ")";
            case POINTS_PER_UNIT ->
                "e.quantity * " + rule.effect().amount().toPlainString()
                        + " * COALESCE(e.tier_multiplier, 1) - e.points";
            case BONUS_PER_ITEM -> "e.quantity * " + rule.effect().amount().toPlainString();
            case EARNS_NOTHING -> "-e.points";
            case BONUS_PER_ORDER -> "0";
        };
        String orderExtra = rule.effect().kind() == RuleEffect.Kind.BONUS_PER_ORDER
                ? rule.effect().amount().toBigInteger().toString()
                : "FLOOR(SUM(CASE WHEN " + covered + " THEN " + lineExtra + " ELSE 0 END))";
        Instant opens = rule.window()
                .starts()
                .map(start -> CampaignWindow.instant(start, zone))
                .orElse(Instant.EPOCH);
        Instant closes = rule.window()
                .ends()
                .map(end -> CampaignWindow.instant(end, zone))
                .orElse(Instant.parse("9999-01-01T00:00:00Z"));
        String sql = "SELECT COALESCE(SUM(m.extra), 0), COALESCE(SUM(m.extra <> 0), 0), COALESCE(SUM(m.orders), 0)"
                + " FROM (SELECT " + capped("SUM(d.extra)", rule.caps().perCampaign()) + " AS extra,"
                + " SUM(d.orders) AS orders FROM ("
                + " SELECT o.user_id, " + capped("SUM(o.extra)", rule.caps().perMemberPerDay()) + " AS extra,"
                + " COUNT(*) AS orders FROM ("
                + " SELECT MIN(e.user_id) AS user_id, MIN(e.award_day) AS award_day, "
                + capped(orderExtra, rule.caps().perOrder()) + " AS extra"
                + " FROM order_award_entry e LEFT JOIN product p ON p.product_id = e.product_id AND p.deleted = 0"
                + " WHERE e.rule_id = 0 AND e.award_day BETWEEN ? AND ? AND e.awarded_at >= ? AND e.awarded_at < ?"
                + tiers(rule.tiers())
                + " GROUP BY e.transaction_id"
                + " HAVING SUM(e.amount) >= ? AND SUM(" + covered + ") > 0"
                + " ) o GROUP BY o.user_id, o.award_day"
                + " ) d GROUP BY d.user_id) m";
        // Placeholders in the order they appear: the covered test in the order's extra (not for a per-order bonus),
        // the period and window, the minimum, the covered test again in HAVING.
        List<Object> ordered = new ArrayList<>();
        if (rule.effect().kind() != RuleEffect.Kind.BONUS_PER_ORDER) {
            ordered.addAll(parameters);
        }
        ordered.add(from);
        ordered.add(to);
        ordered.add(opens);
        ordered.add(closes);
        rule.tiers().stream().sorted().forEach(ordered::add);
        ordered.add(rule.minOrderValue());
        ordered.addAll(parameters);
        Query query = em.createNativeQuery(numbered(sql));
        for (int i = 0; i < ordered.size(); i++) {
            query.setParameter(i + 1, ordered.get(i));
        }
        Object[] row = (Object[]) query.getSingleResult();
        return new long[] {number(row[0]), number(row[1]), number(row[2])};
    }

    /**
     * Only orders awarded to a member of one of the rule's tiers (none: every tier). An entry written before the
     * tier was recorded (V18) counts for every tier: the estimate errs on the side of cost.
     */
    private static String tiers(Set<String> tiers) {
        return tiers.isEmpty()
                ? ""
                : " AND (e.tier_key IS NULL OR e.tier_key IN ("
                        + tiers.stream().map(tier -> "?").collect(Collectors.joining(", ")) + "))";
    }

    /** Numbers the {@code ?} placeholders in order (Hibernate wants ordinal parameters numbered). */
    private static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                out.append('?').append(++n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String capped(String value, OptionalLong cap) {
        long limit = cap.orElse(NO_CAP);
        return "CASE WHEN " + value + " > 0 THEN LEAST(" + value + ", " + limit + ") ELSE " + value + " END";
    }

    /** Whether a base entry's line is covered: a known product, not excluded, and named (or every product). */
    private static String covered(RuleScope scope, List<Object> parameters) {
        List<String> included = new ArrayList<>();
        if (!scope.products().isEmpty()) {
            included.add("e.product_id IN (" + ids(scope.products()) + ")");
        }
        if (!scope.categories().isEmpty()) {
            included.add("EXISTS (SELECT 1 FROM product_category pc WHERE pc.product_id = e.product_id"
                    + " AND pc.category_id IN (" + ids(scope.categories()) + "))");
        }
        if (!scope.skus().isEmpty()) {
            included.add("p.sku IN (" + texts(scope.skus(), parameters) + ")");
        }
        List<String> excluded = new ArrayList<>();
        if (!scope.excludedProducts().isEmpty()) {
            excluded.add("e.product_id IN (" + ids(scope.excludedProducts()) + ")");
        }
        if (!scope.excludedCategories().isEmpty()) {
            excluded.add("EXISTS (SELECT 1 FROM product_category xc WHERE xc.product_id = e.product_id"
                    + " AND xc.category_id IN (" + ids(scope.excludedCategories()) + "))");
        }
        if (!scope.excludedSkus().isEmpty()) {
            excluded.add("COALESCE(p.sku IN (" + texts(scope.excludedSkus(), parameters) + "), 0)");
        }
        return "(p.product_id IS NOT NULL"
                + (included.isEmpty() ? "" : " AND (" + String.join(" OR ", included) + ")")
                + (excluded.isEmpty() ? "" : " AND NOT (" + String.join(" OR ", excluded) + ")")
                + ")";
    }

    private static String ids(Set<Long> ids) {
        return ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String texts(Set<String> texts, List<Object> parameters) {
        texts.stream().sorted().forEach(parameters::add);
        return texts.stream().map(text -> "?").collect(Collectors.joining(", "));
    }

    private static long number(Object value) {
        return value == null ? 0 : new BigDecimal(value.toString().toLowerCase(Locale.ROOT)).longValue();
    }
}
