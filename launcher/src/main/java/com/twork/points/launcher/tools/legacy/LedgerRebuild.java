package com.twork.points.launcher.tools.legacy;

import static com.twork.points.ledger.entity.TransactionStatus.AVAILABLE;

import com.twork.points.launcher.tools.legacy.Anomaly.Kind;
import com.twork.points.ledger.entity.TransactionType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Rebuilds the legacy ledger by our rules (SPEC §5): legacy rows in, our rows (legacy ids kept), allocations,
 * account totals, shop orders and the anomalies corrected out. Pure: no database, no clock but {@code now},
 * which only decides what is shown today (the rows themselves do not depend on it).
 *
 * <p>Per member, in id order (the plugin's insertion order; its {@code created_at} mixed time zones): rows are
 * first classified (unknown types, trash, statuses, signs), echoed copies and orders credited twice are set
 * aside as void rows, then the ledger is replayed: credits become lots, redemptions and negative adjustments
 * consume spendable lots soonest-expiring first, the plugin's {@code expire} rows take what is left of the lots
 * due at their time, reversals take back their award's own lot first. Nothing ever goes below 0: what a debit
 * could not take is recorded as {@code uncollectable}.
 */
final class LedgerRebuild {
    /** Rows the plugin's /sync re-inserted from one request were written within this span of each other. */
    static final Duration SYNC_BURST = Duration.ofSeconds(5);

    static final String APPROVED = "approved";
    private static final Pattern SHOP_ORDER_ID = Pattern.compile("\\d{1,64}");

    private LedgerRebuild() {}

    static RebuiltLedger rebuild(List<LegacyTransaction> legacy, ZoneId siteZone, Instant now) {
        Map<Long, List<LegacyTransaction>> byMember = new TreeMap<>();
        legacy.stream()
                .sorted(Comparator.comparingLong(LegacyTransaction::id))
                .forEach(row -> byMember.computeIfAbsent(row.userId(), id -> new ArrayList<>())
                        .add(row));
        List<DraftRow> drafts = new ArrayList<>();
        List<RebuiltLedger.Allocation> allocations = new ArrayList<>();
        List<RebuiltLedger.Account> accounts = new ArrayList<>();
        List<Anomaly> anomalies = new ArrayList<>();
        for (Map.Entry<Long, List<LegacyTransaction>> member : byMember.entrySet()) {
            MemberLedger ledger = new MemberLedger(member.getKey(), siteZone, anomalies);
            ledger.rebuild(member.getValue());
            drafts.addAll(ledger.drafts);
            allocations.addAll(ledger.allocations);
            accounts.add(ledger.account(member.getValue(), now));
        }
        drafts.sort(Comparator.comparingLong(DraftRow::id));
        List<RebuiltLedger.Order> orders = orders(drafts, anomalies);
        return new RebuiltLedger(drafts.stream().map(DraftRow::row).toList(), allocations, accounts, orders, anomalies);
    }

    /**
     * A shop order for every order the plugin awarded (digits only: the shop's ids), so a later webhook for it
     * never awards it again; a reversed award is recorded as a cancelled order.
     */
    private static List<RebuiltLedger.Order> orders(List<DraftRow> drafts, List<Anomaly> anomalies) {
        Map<String, RebuiltLedger.Order> orders = new LinkedHashMap<>();
        for (DraftRow award : drafts) {
            String key = award.orderKey();
            if (award.status != AVAILABLE
                    || award.type != TransactionType.EARN
                    || key == null
                    || !SHOP_ORDER_ID.matcher(key).matches()) {
                continue;
            }
            RebuiltLedger.Order known = orders.get(key);
            if (known != null) {
                anomalies.add(Anomaly.of(
                        Kind.ORDER_OF_ANOTHER_MEMBER,
                        award.userId(),
                        award.id(),
                        "order " + key + " was also awarded to member " + known.userId() + " (#"
                                + known.awardTransactionId() + "); both awards kept, the shop order belongs to the"
                                + " first"));
                continue;
            }
            List<DraftRow> reversals =
                    drafts.stream().filter(row -> row.reverses == award).toList();
            int taken = reversals.stream().mapToInt(row -> -row.points).sum();
            int refunded = drafts.stream()
                    .filter(row -> row.refundOf != null
                            && row.userId() == award.userId()
                            && key.equals(row.refundOf.orderKey()))
                    .mapToInt(row -> row.points)
                    .sum();
            boolean cancelled = !reversals.isEmpty();
            orders.put(
                    key,
                    new RebuiltLedger.Order(
                            key,
                            award.userId(),
                            cancelled ? "cancelled" : "completed",
                            cancelled ? 0 : award.points,
                            award.id(),
                            taken,
                            refunded,
                            award.legacy.createdAt()));
        }
        return List.copyOf(orders.values());
    }
}
