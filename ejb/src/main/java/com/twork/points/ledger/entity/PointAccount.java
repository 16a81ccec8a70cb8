package com.twork.points.ledger.entity;

import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityResult;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * Running totals of one member. Every write use case locks this row first; the balance always equals the sum
 * of the remaining points of the member's available lots.
 */
@Entity
@Table(name = "point_account")
@NamedNativeQuery(
        name = "PointAccount.lockForWrite",
        query = "SELECT a.*, (SELECT m.status FROM member m WHERE m.user_id = a.user_id) AS member_status,"
                + " (SELECT t.id FROM point_transaction t WHERE t.user_id = a.user_id AND t.client_order_key = ?2)"
                + " AS order_row FROM point_account a WHERE a.user_id = ?1 FOR UPDATE",
        resultSetMapping = "PointAccount.lockForWrite")
@SqlResultSetMapping(
        name = "PointAccount.lockForWrite",
        entities = @EntityResult(entityClass = PointAccount.class),
        columns = {
            @ColumnResult(name = "member_status", type = String.class),
            @ColumnResult(name = "order_row", type = Long.class)
        })
public class PointAccount {
    @Id
    @Column(name = "user_id")
    private long userId;

    @Column(name = "balance", nullable = false)
    private long balance;

    @Column(name = "lifetime_earned", nullable = false)
    private long lifetimeEarned;

    @Column(name = "lifetime_redeemed", nullable = false)
    private long lifetimeRedeemed;

    @Column(name = "lifetime_expired", nullable = false)
    private long lifetimeExpired;

    @Column(name = "pending", nullable = false)
    private long pending;

    /** No open lot expires before this (see V13); null = unknown. Only ever earlier than the truth, never later. */
    @Column(name = "next_expiry")
    private Instant nextExpiry;

    /** When the newest row applied through /sync was written (see V13); null = unknown. */
    @Column(name = "last_sync_at")
    private Instant lastSyncAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** What a scan of the lots found for {@code nextExpiry}, kept until the totals change (never stored alone). */
    @Transient
    private Instant learnedNextExpiry;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** What {@code next_expiry} says when no open lot will ever expire: the generated lot_expiry of such lots. */
    public static final Instant NEVER = Instant.parse("9999-12-31T23:59:59Z");

    protected PointAccount() {}

    /**
     * Whether some lot may be due at {@code now}, so a write must scan for due lots first. False only when the
     * account knows its earliest open lot expires later.
     */
    public boolean mayHaveDueLots(Instant now) {
        Instant known = learnedNextExpiry != null ? learnedNextExpiry : nextExpiry;
        return known == null || !known.isAfter(now);
    }

    /** A lot opened (or reopened) that expires at {@code expiry} (empty: never). */
    public void lotOpened(Optional<Instant> expiry) {
        Instant at = expiry.orElse(NEVER);
        if (nextExpiry != null && at.isBefore(nextExpiry)) {
            nextExpiry = at;
        }
        if (learnedNextExpiry != null && at.isBefore(learnedNextExpiry)) {
            learnedNextExpiry = at;
        }
    }

    /**
     * The earliest expiry of the open lots as just read from them (after the due ones were expired). Stored with the
     * next change of the account's totals: a use case that changes nothing (a replay) writes nothing.
     */
    public void openLotsExpireFrom(Instant earliest) {
        learnedNextExpiry = earliest;
    }

    private void changed(Instant now) {
        updatedAt = now;
        if (learnedNextExpiry != null) {
            nextExpiry = learnedNextExpiry;
            learnedNextExpiry = null;
        }
    }

    /**
     * Whether a row applied through /sync may have been written since {@code since}: only then can an /earn or
     * /redeem find one to pair with.
     */
    public boolean maySyncedSince(Instant since) {
        return lastSyncAt == null || !lastSyncAt.isBefore(since);
    }

    /** A row was applied through /sync at {@code at}. */
    public void synced(Instant at) {
        if (lastSyncAt == null || at.isAfter(lastSyncAt)) {
            lastSyncAt = at;
        }
    }

    /** A credit became spendable; {@code earned} when it counts towards lifetime earned (type earn). */
    public void credit(long points, boolean earned, Instant now) {
        requirePositive(points);
        balance += points;
        if (earned) {
            lifetimeEarned += points;
        }
        changed(now);
    }

    /** An award held back as pending: visible, not spendable. */
    public void holdPending(long points, Instant now) {
        requirePositive(points);
        pending += points;
        changed(now);
    }

    /** A pending award becomes spendable. */
    public void releasePending(long points, boolean earned, Instant now) {
        requirePositive(points);
        pending = Math.max(0, pending - points);
        balance += points;
        if (earned) {
            lifetimeEarned += points;
        }
        changed(now);
    }

    /** A pending award or claim will never become spendable (cancelled, superseded). */
    public void dropPending(long points, Instant now) {
        requirePositive(points);
        pending = Math.max(0, pending - points);
        changed(now);
    }

    public void redeem(long points, Instant now) {
        take(points, now);
        lifetimeRedeemed += points;
    }

    public void expire(long points, Instant now) {
        take(points, now);
        lifetimeExpired += points;
    }

    /** A staff debit or a reversal: the balance drops; an earn reversal also lowers lifetime earned. */
    public void takeBack(long points, long earnedReversed, Instant now) {
        take(points, now);
        lifetimeEarned = Math.max(0, lifetimeEarned - earnedReversed);
    }

    /** A reversal that could take nothing back still takes the reversed earn out of lifetime earned. */
    public void reduceEarned(long earnedReversed, Instant now) {
        lifetimeEarned = Math.max(0, lifetimeEarned - earnedReversed);
        changed(now);
    }

    /** Points given back after a redemption is undone: a new lot, and the redemption no longer counts. */
    public void giveBack(long points, long redeemedReversed, Instant now) {
        requirePositive(points);
        balance += points;
        lifetimeRedeemed = Math.max(0, lifetimeRedeemed - redeemedReversed);
        changed(now);
    }

    private void take(long points, Instant now) {
        requirePositive(points);
        if (points > balance) {
            throw new IllegalStateException("account " + userId + " would go negative");
        }
        balance -= points;
        changed(now);
    }

    private static void requirePositive(long points) {
        if (points <= 0) {
            throw new IllegalArgumentException("points must be positive");
        }
    }

    public long userId() {
        return userId;
    }

    public long balance() {
        return balance;
    }

    public long lifetimeEarned() {
        return lifetimeEarned;
    }

    public long lifetimeRedeemed() {
        return lifetimeRedeemed;
    }

    public long lifetimeExpired() {
        return lifetimeExpired;
    }

    public long pending() {
        return pending;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
