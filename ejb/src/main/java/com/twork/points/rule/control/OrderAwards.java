package com.twork.points.rule.control;

import com.twork.points.catalog.control.ProductCatalog;
import com.twork.points.catalog.control.ProductFacts;
import com.twork.points.rule.entity.AwardEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The order award path's side of the rules: evaluate an order with this instance's compiled rules, store the
 * breakdown with the award, and take refunded lines back by what they earned then. Runs inside the order's
 * transaction, under the member's account lock (so the per-member caps see every earlier award of the member).
 *
 * <p>Round trips: none for the rules; one catalog read per order when rules are active and the order has product
 * lines; one usage read when a rule with a per-member cap takes part; one multi-row insert for the breakdown.
 */
@ApplicationScoped
public class OrderAwards {
    private static final int COLUMNS = 16;

    @PersistenceContext
    EntityManager em;

    @Inject
    RuleBook rules;

    @Inject
    ProductCatalog catalog;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    /** What the member's tier and the settings say about the order being awarded. */
    public record Terms(String tierKey, BigDecimal tierMultiplier, BigDecimal pointsRate, ZoneId zone, Instant at) {}

    public AwardBreakdown calculate(long userId, List<LineItem> items, BigDecimal eligibleTotal, Terms terms) {
        return calculate(rules.active(), userId, items, eligibleTotal, terms, true);
    }

    /**
     * Evaluates with the given rules; {@code withUsage} false skips the member's cap usage (a preview for no member).
     */
    public AwardBreakdown calculate(
            List<EarningRule> active,
            long userId,
            List<LineItem> items,
            BigDecimal eligibleTotal,
            Terms terms,
            boolean withUsage) {
        List<OrderLine> lines = lines(active, items, eligibleTotal);
        AwardContext order = new AwardContext(
                terms.at(),
                terms.zone(),
                terms.tierKey(),
                terms.tierMultiplier(),
                terms.pointsRate(),
                eligibleTotal,
                lines,
                RuleUsage.none());
        if (withUsage) {
            Set<Long> capped = active.stream()
                    .filter(rule -> rule.caps().needsUsage())
                    .map(EarningRule::id)
                    .collect(Collectors.toSet());
            if (!capped.isEmpty()) {
                order = order.withUsage(usage(userId, capped, LocalDate.ofInstant(terms.at(), terms.zone())));
            }
        }
        return RuleEvaluator.evaluate(active, order);
    }

    /**
     * The order's lines as the rules see them. Without active rules the catalog is not read (every line earns the
     * default rate anyway). Lines that add up to more than the eligible total (a negative fee) cannot be earned
     * line by line: the order is then one remainder line, as before rules existed.
     */
    private List<OrderLine> lines(List<EarningRule> active, List<LineItem> items, BigDecimal eligibleTotal) {
        BigDecimal lineTotal = items.stream().map(LineItem::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (items.isEmpty() || lineTotal.compareTo(eligibleTotal) > 0) {
            return List.of(OrderLine.remainder(eligibleTotal));
        }
        Map<Long, ProductFacts> known = active.isEmpty()
                ? Map.of()
                : catalog.find(items.stream().map(LineItem::productId).collect(Collectors.toSet()));
        List<OrderLine> lines = new ArrayList<>(items.size() + 1);
        long unknown = 0;
        for (LineItem item : items) {
            ProductFacts product = known.get(item.productId());
            if (product == null) {
                unknown += active.isEmpty() ? 0 : 1;
                lines.add(OrderLine.unknownProduct(
                        item.key(), item.productId(), item.sku(), item.quantity(), item.total()));
            } else {
                String sku = item.sku().isEmpty() ? product.sku() : item.sku();
                lines.add(OrderLine.product(
                        item.key(), item.productId(), sku, product.categories(), item.quantity(), item.total()));
            }
        }
        if (unknown > 0) {
            metrics.counter("twork_unknown_product_lines").inc(unknown);
        }
        BigDecimal rest = eligibleTotal.subtract(lineTotal);
        if (rest.signum() > 0) {
            lines.add(OrderLine.remainder(rest));
        }
        return lines;
    }

    /** What the member already kept from each capped rule, today (site-local) and over its life; one query. */
    private RuleUsage usage(long userId, Set<Long> ruleIds, LocalDate today) {
        List<?> rows = em.createNativeQuery("SELECT rule_id, COALESCE(SUM(points - reversed), 0),"
                        + " COALESCE(SUM(CASE WHEN award_day = ?1 THEN points - reversed ELSE 0 END), 0)"
                        + " FROM order_award_entry WHERE user_id = ?2 AND rule_id IN (?3) AND points > 0"
                        + " GROUP BY rule_id")
                .setParameter(1, today)
                .setParameter(2, userId)
                .setParameter(3, ruleIds)
                .getResultList();
        Map<Long, Long> campaign = new HashMap<>();
        Map<Long, Long> day = new HashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            long rule = ((Number) columns[0]).longValue();
            campaign.put(rule, ((Number) columns[1]).longValue());
            day.put(rule, ((Number) columns[2]).longValue());
        }
        return new RuleUsage(day, campaign);
    }

    /** Stores the breakdown of an award (its lot {@code transactionId}) in one statement. */
    public void record(
            AwardBreakdown breakdown,
            List<LineItem> items,
            BigDecimal eligibleTotal,
            long transactionId,
            String orderId,
            long userId,
            Terms terms) {
        LocalDate day = LocalDate.ofInstant(terms.at(), terms.zone());
        Map<String, LineItem> lines = new HashMap<>();
        items.forEach(item -> lines.putIfAbsent(item.key(), item));
        lines.keySet().retainAll(breakdown.byLine().keySet());
        BigDecimal inLines = lines.values().stream().map(LineItem::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        lines.put(
                OrderLine.REMAINDER,
                new LineItem(
                        OrderLine.REMAINDER,
                        0,
                        "",
                        0,
                        eligibleTotal.subtract(inLines).max(BigDecimal.ZERO)));
        List<AwardBreakdown.Entry> entries = breakdown.entries();
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO order_award_entry (transaction_id, order_id, user_id,"
                + " line_key, rule_id, rule_version, label, points, capped, award_day, product_id, quantity, amount,"
                + " awarded_at, tier_key, tier_multiplier)"
                + " VALUES ");
        for (int i = 0; i < entries.size(); i++) {
            int p = i * COLUMNS;
            sql.append(i == 0 ? "" : ", ").append('(');
            for (int c = 1; c <= COLUMNS; c++) {
                sql.append(c == 1 ? "" : ", ").append('?').append(p + c);
            }
            sql.append(')');
        }
        Query insert = em.createNativeQuery(sql.toString());
        for (int i = 0; i < entries.size(); i++) {
            AwardBreakdown.Entry entry = entries.get(i);
            int p = i * COLUMNS;
            // The line's facts ride on its default-rate entry only (the remainder's product is 0).
            Optional<LineItem> line = entry.ruleId() == AwardBreakdown.BASE_RATE
                    ? Optional.ofNullable(lines.get(entry.line()))
                    : Optional.empty();
            insert.setParameter(p + 1, transactionId)
                    .setParameter(p + 2, orderId)
                    .setParameter(p + 3, userId)
                    .setParameter(p + 4, truncate(entry.line(), 64))
                    .setParameter(p + 5, entry.ruleId())
                    .setParameter(p + 6, entry.ruleVersion())
                    .setParameter(p + 7, truncate(entry.label(), 200))
                    .setParameter(p + 8, Math.toIntExact(entry.points()))
                    .setParameter(p + 9, entry.capped())
                    .setParameter(p + 10, day)
                    .setParameter(p + 11, line.map(LineItem::productId).orElse(0L))
                    .setParameter(p + 12, line.map(LineItem::quantity).orElse(0))
                    .setParameter(p + 13, line.map(LineItem::total).orElse(BigDecimal.ZERO))
                    .setParameter(p + 14, terms.at())
                    .setParameter(p + 15, terms.tierKey())
                    .setParameter(p + 16, terms.tierMultiplier());
        }
        insert.executeUpdate();
    }

    /** A held award replaced by a smaller one keeps its breakdown. */
    public void moved(long fromTransactionId, long toTransactionId) {
        em.createNativeQuery("UPDATE order_award_entry SET transaction_id = ?1 WHERE transaction_id = ?2")
                .setParameter(1, toTransactionId)
                .setParameter(2, fromTransactionId)
                .executeUpdate();
    }

    /** The whole award was taken back (cancellation): every entry counts as reversed, the caps' room returns. */
    public void reversedAll(long transactionId) {
        em.createNativeQuery("UPDATE order_award_entry SET reversed = points WHERE transaction_id = ?1")
                .setParameter(1, transactionId)
                .executeUpdate();
    }

    public List<AwardEntry> entries(long transactionId) {
        return em.createNamedQuery("AwardEntry.ofAward", AwardEntry.class)
                .setParameter("transactionId", transactionId)
                .getResultList();
    }

    /** The breakdowns of several awards (a page of history), by transaction id; one query. */
    public Map<Long, List<AwardEntry>> entries(Set<Long> transactionIds) {
        if (transactionIds.isEmpty()) {
            return Map.of();
        }
        return em
                .createNamedQuery("AwardEntry.ofAwards", AwardEntry.class)
                .setParameter("transactionIds", transactionIds)
                .getResultList()
                .stream()
                .collect(Collectors.groupingBy(AwardEntry::transactionId, LinkedHashMap::new, Collectors.toList()));
    }

    /**
     * Points a refund of some lines takes back: for each refunded line, what the line still holds of its award
     * times the refunded share of the line's total (rounded half up), taken from the line's entries in order.
     * Uses the stored breakdown, so rules changed since make no difference. Lines the award does not know are
     * skipped; the entries are marked, so a later full cancellation never counts them twice.
     */
    public long reverseLines(long transactionId, Map<String, BigDecimal> refunded, Map<String, BigDecimal> lineTotals) {
        Map<String, List<AwardEntry>> byLine = entries(transactionId).stream()
                .collect(Collectors.groupingBy(AwardEntry::lineKey, LinkedHashMap::new, Collectors.toList()));
        long taken = 0;
        for (Map.Entry<String, BigDecimal> line : refunded.entrySet()) {
            List<AwardEntry> entries = byLine.getOrDefault(line.getKey(), List.of());
            BigDecimal lineTotal = lineTotals.getOrDefault(line.getKey(), BigDecimal.ZERO);
            long awarded = entries.stream().mapToLong(AwardEntry::points).sum();
            long held = entries.stream().mapToLong(AwardEntry::outstanding).sum();
            if (held <= 0 || lineTotal.signum() <= 0) {
                continue;
            }
            long share = BigDecimal.valueOf(awarded)
                    .multiply(line.getValue().min(lineTotal))
                    .divide(lineTotal, 0, RoundingMode.HALF_UP)
                    .longValue();
            long take = Math.min(share, held);
            taken += take;
            for (AwardEntry entry : entries) {
                int part = (int) Math.min(take, Math.max(0, entry.outstanding()));
                if (part > 0) {
                    entry.reversedBy(part);
                    take -= part;
                }
            }
        }
        return taken;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
