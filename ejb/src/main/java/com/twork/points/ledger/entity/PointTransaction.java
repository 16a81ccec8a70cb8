package com.twork.points.ledger.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of the append-only ledger. A credit is also a lot: {@code remaining} is what of it has not been
 * consumed yet. Corrections are new rows; only {@code remaining}, {@code status} and {@code clientRef} ever
 * change after insert, through intention-revealing methods.
 */
@Entity
@Table(name = "point_transaction")
public class PointTransaction {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "type", nullable = false, updatable = false)
    private TransactionType type;

    @Column(name = "points", nullable = false, updatable = false)
    private int points;

    @Column(name = "description", updatable = false)
    private String description;

    @Column(name = "order_id", updatable = false)
    private String orderId;

    @Column(name = "order_key", updatable = false)
    private String orderKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", updatable = false)
    private Instant expiresAt;

    @Column(name = "remaining", nullable = false)
    private int remaining;

    @Column(name = "status", nullable = false)
    private TransactionStatus status;

    @Column(name = "source", nullable = false, updatable = false)
    private TransactionSource source;

    @Column(name = "actor", nullable = false, updatable = false)
    private String actor;

    @Column(name = "client_ref")
    private String clientRef;

    @Column(name = "client_order_key", updatable = false)
    private String clientOrderKey;

    @Column(name = "uncollectable", nullable = false, updatable = false)
    private int uncollectable;

    protected PointTransaction() {}

    public Long id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public TransactionType type() {
        return type;
    }

    /** Points as the plugin shows them: positive for redeem and expire, signed for adjust. */
    public int points() {
        return points;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public Optional<String> orderId() {
        return Optional.ofNullable(orderId);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    public int remaining() {
        return remaining;
    }

    public TransactionStatus status() {
        return status;
    }

    public TransactionSource source() {
        return source;
    }

    public String actor() {
        return actor;
    }

    public Optional<String> clientRef() {
        return Optional.ofNullable(clientRef);
    }

    public int uncollectable() {
        return uncollectable;
    }

    /** Expired means the expiry time has passed, whether or not the expiry job has run yet. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
