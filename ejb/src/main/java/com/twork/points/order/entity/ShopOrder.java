package com.twork.points.order.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** A WooCommerce order as we last applied it (SPEC §2 {@code shop_order}). */
@Entity
@Table(name = "shop_order")
@NamedQuery(name = "ShopOrder.newestFirst", query = "SELECT o FROM ShopOrder o ORDER BY o.firstSeenAt DESC, o.orderId")
public class ShopOrder {
    @Id
    @Column(name = "order_id")
    private String orderId;

    @Column(name = "user_id")
    private Long userId;

    @Column(name = "status", nullable = false)
    private String status;

    @Column(name = "total", nullable = false)
    private BigDecimal total;

    @Column(name = "eligible_total", nullable = false)
    private BigDecimal eligibleTotal;

    @Column(name = "awarded", nullable = false)
    private int awarded;

    @Column(name = "award_transaction_id")
    private Long awardTransactionId;

    @Column(name = "award_count", nullable = false)
    private int awardCount;

    @Column(name = "reversed", nullable = false)
    private int reversed;

    @Column(name = "refunded_redeemed", nullable = false)
    private int refundedRedeemed;

    @Column(name = "date_modified_gmt")
    private Instant dateModified;

    @Column(name = "last_payload")
    private String lastPayload;

    @Column(name = "first_seen_at", nullable = false, updatable = false)
    private Instant firstSeenAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ShopOrder() {}

    /** Whether an event modified at {@code modified} is older than the one applied last (then it is ignored). */
    public boolean isNewerThan(Optional<Instant> modified) {
        return dateModified != null && modified.isPresent() && modified.get().isBefore(dateModified);
    }

    public void seen(
            Long member,
            String newStatus,
            BigDecimal newTotal,
            BigDecimal eligible,
            Optional<Instant> modified,
            String payload,
            Instant now) {
        this.userId = member;
        this.status = newStatus;
        this.total = newTotal;
        this.eligibleTotal = eligible;
        modified.ifPresent(at -> this.dateModified = at);
        this.lastPayload = payload;
        this.updatedAt = now;
    }

    public void awarded(int points, long transactionId) {
        this.awarded = points;
        this.awardTransactionId = transactionId;
        this.awardCount++;
    }

    /** A held award was replaced by a smaller one (a partial refund inside the holding period). */
    public void awardReplaced(int points, long transactionId) {
        this.awarded = points;
        this.awardTransactionId = transactionId;
    }

    /** The award was taken back (cancellation); {@code taken} points actually came back. */
    public void awardReversed(int taken) {
        this.awarded = 0;
        this.reversed += taken;
    }

    public void partlyReversed(int taken) {
        this.reversed += taken;
    }

    public void redeemedRefunded(int points) {
        this.refundedRedeemed += points;
    }

    public String orderId() {
        return orderId;
    }

    public Optional<Long> userId() {
        return Optional.ofNullable(userId);
    }

    public String status() {
        return status;
    }

    public BigDecimal total() {
        return total;
    }

    public BigDecimal eligibleTotal() {
        return eligibleTotal;
    }

    public int awarded() {
        return awarded;
    }

    public Optional<Long> awardTransactionId() {
        return Optional.ofNullable(awardTransactionId);
    }

    public int awardCount() {
        return awardCount;
    }

    public int reversed() {
        return reversed;
    }

    public int refundedRedeemed() {
        return refundedRedeemed;
    }

    public Optional<String> lastPayload() {
        return Optional.ofNullable(lastPayload);
    }

    public Instant firstSeenAt() {
        return firstSeenAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
