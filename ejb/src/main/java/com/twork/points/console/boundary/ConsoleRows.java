package com.twork.points.console.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The rows the console's lists show: plain values read by one SQL statement each. */
public final class ConsoleRows {
    private ConsoleRows() {}

    /** A member in a list: its tier by the configured basis and its last activity (last change to its points). */
    public record MemberRow(
            long userId,
            String email,
            String displayName,
            String status,
            long balance,
            long lifetimeEarned,
            String tier,
            Instant lastActivity) {}

    /**
     * A ledger row as staff read it: {@code points} as stored (redeem and expire positive, adjust signed), the
     * change it made to the balance ({@link #signedPoints}), who wrote it (the actor id and a name a person knows:
     * the account's login or the key's description), the row that voided it if a void did, and whether it is
     * itself a void.
     */
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
            long remaining,
            Optional<Long> voidedBy,
            boolean isVoid,
            String actorName) {

        /** The change to the balance: debits negative. */
        public long signedPoints() {
            return signed(type, points);
        }

        /** "available", "pending", "void", or "voided by #N" for a row a staff void undid. */
        public String statusText() {
            return voidedBy.map(by -> "voided by #" + by).orElse(status);
        }

        /** Whether staff may still void this row (available, not voided, not itself a void). */
        public boolean voidable() {
            return "available".equals(status) && voidedBy.isEmpty() && !isVoid;
        }

        TransactionRow withActorName(String name) {
            return new TransactionRow(
                    id,
                    userId,
                    email,
                    type,
                    points,
                    description,
                    orderId,
                    createdAt,
                    expiresAt,
                    status,
                    source,
                    actor,
                    remaining,
                    voidedBy,
                    isVoid,
                    name);
        }
    }

    /** The balance change of a row of this type with these stored points: redeem and expire are debits. */
    public static long signed(String type, long points) {
        return "redeem".equals(type) || "expire".equals(type) ? -points : points;
    }

    /** An open lot; a pending one carries when it becomes spendable. */
    public record LotRow(
            long id,
            String type,
            long points,
            long remaining,
            String status,
            Instant createdAt,
            Optional<Instant> expiresAt,
            Optional<Instant> releaseAt) {}

    /**
     * One event in a member's activity timeline: a ledger row, a staff action on the member (adjustments, voids,
     * record edits), an app session, or a tier reached. {@code kind} is {@code points}, {@code staff},
     * {@code session} or {@code tier}; {@code points} is the signed balance change of a ledger row.
     */
    public record ActivityRow(
            Instant at,
            String kind,
            String title,
            String detail,
            Optional<Long> points,
            Optional<Long> transactionId) {}

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

    /**
     * What happened in one period: points issued (earn, referral and birthday rows and staff credits), redeemed
     * (redeem rows), expired (expire rows), and how many members had any points row. Voids and pending awards are
     * left out.
     */
    public record PeriodFigures(
            LocalDate from, LocalDate to, long issued, long redeemed, long expired, long activeMembers) {
        /** Redeemed as a share of issued, in percent (0 when nothing was issued). */
        public double redemptionRate() {
            return issued == 0 ? 0 : 100.0 * redeemed / issued;
        }
    }

    /** Pending points that release on one day (site time zone). */
    public record Release(LocalDate day, long points) {}

    /**
     * The dashboard's KPIs for a chosen period against the period of the same length just before it, with today's
     * liability (points members hold, and their value at the {@code redemption_rate} setting) and the pending points
     * by release day.
     */
    public record Kpis(
            PeriodFigures current,
            PeriodFigures previous,
            long outstanding,
            java.math.BigDecimal redemptionRate,
            java.math.BigDecimal liability,
            long pending,
            List<Release> releases) {}

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
