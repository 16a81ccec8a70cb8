package com.twork.points.console.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The rows the console's lists show: plain values read by one SQL statement each. */
public final class ConsoleRows {
    private ConsoleRows() {}

    public record MemberRow(
            long userId, String email, String displayName, String status, long balance, long lifetimeEarned) {}

    public record TransactionRow(
            long id,
            long userId,
            String email,
            String type,
            long points,
            String description,
            String orderId,
            Instant createdAt,
            Optional<Instant> expiresAt,
            String status,
            String source,
            String actor,
            long remaining) {}

    public record LotRow(
            long id,
            String type,
            long points,
            long remaining,
            String status,
            Instant createdAt,
            Optional<Instant> expiresAt) {}

    public record ExpiringRow(long lotId, long userId, String email, long remaining, Instant expiresAt) {}

    public record AuditRow(
            long id,
            Instant createdAt,
            String actor,
            String action,
            Optional<Long> memberUserId,
            Optional<Long> delta,
            String reason,
            Optional<Long> balanceBefore,
            Optional<Long> balanceAfter,
            Optional<Long> transactionId,
            String clientAddress,
            String details) {}

    public record DeliveryRow(
            long id,
            String deliveryId,
            String topic,
            String resourceId,
            String outcome,
            String detail,
            Instant receivedAt) {}

    /** Points credited, redeemed and expired on one day (site time zone). */
    public record DayTotals(LocalDate day, long earned, long redeemed, long expired) {}

    public record TierRow(String key, String label, long threshold, java.math.BigDecimal multiplier, String benefits) {}

    public record TierCount(String label, long members) {}

    /** The dashboard's figures. The totals are consistent when the accounts' sum equals the open lots' sum. */
    public record Dashboard(
            long members,
            long outstanding,
            long pending,
            long lifetimeEarned,
            long lifetimeRedeemed,
            long lifetimeExpired,
            long lotsRemaining,
            List<DayTotals> days,
            List<TierCount> tiers,
            List<TransactionRow> recent,
            List<TransactionRow> adjustments) {
        public boolean consistent() {
            return outstanding == lotsRemaining;
        }
    }
}
