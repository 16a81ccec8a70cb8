package com.twork.points.launcher.tools.legacy;

import com.twork.points.ledger.entity.TransactionStatus;
import com.twork.points.ledger.entity.TransactionType;
import java.time.Instant;
import java.util.List;

/** What the rebuild makes of the legacy ledger: our rows (legacy ids kept), allocations, account totals, orders. */
public record RebuiltLedger(
        List<Row> rows,
        List<Allocation> allocations,
        List<Account> accounts,
        List<Order> orders,
        List<Anomaly> anomalies) {

    /** A {@code point_transaction} row; {@code points} as we show them (positive for redeem and expire). */
    public record Row(
            long id,
            long userId,
            TransactionType type,
            int points,
            String description,
            String orderId,
            Instant createdAt,
            Instant expiresAt,
            int remaining,
            TransactionStatus status,
            int uncollectable,
            String clientOrderKey,
            String bonusKey,
            Long reversesId) {}

    public record Allocation(long debitId, long lotId, int points, Instant createdAt) {}

    /**
     * A {@code point_account} row, plus what is shown now (the balance without lots already past their expiry)
     * and what the plugin showed, for the report.
     */
    public record Account(
            long userId,
            long balance,
            long lifetimeEarned,
            long lifetimeRedeemed,
            long lifetimeExpired,
            long pending,
            long shownBalance,
            long pluginShownBalance) {}

    /** A {@code shop_order} row for an order the plugin awarded, so a later webhook for it never awards again. */
    public record Order(
            String orderId,
            long userId,
            String status,
            int awarded,
            long awardTransactionId,
            int reversed,
            int refundedRedeemed,
            Instant firstSeenAt) {}
}
