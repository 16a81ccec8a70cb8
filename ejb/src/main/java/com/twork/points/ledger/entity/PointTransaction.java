package com.twork.points.ledger.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
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
@NamedQuery(
        name = "PointTransaction.findByIdempotencyScope",
        query = "SELECT t FROM PointTransaction t WHERE t.userId = :userId AND t.idempotencyScope = :scope")
// The member's own index range, named: on `lot_expiry <= now` the optimizer preferred the index of all due lots of
// every member (lot_expiry, user_id), which a locking read then held across members (FINDINGS 2026-12-04).
@NamedNativeQuery(
        name = "PointTransaction.openLots",
        query = "SELECT * FROM point_transaction FORCE INDEX (ix_point_transaction_open_lots)"
                + " WHERE user_id = ?1 AND lot_expiry IS NOT NULL ORDER BY lot_expiry, id",
        resultClass = PointTransaction.class)
@NamedQuery(
        name = "PointTransaction.expiringLots",
        query = "SELECT t FROM PointTransaction t WHERE t.userId = :userId AND t.lotExpiry > :now"
                + " AND t.lotExpiry <= :until ORDER BY t.lotExpiry, t.id")
@NamedQuery(
        name = "PointTransaction.findByClientOrderKey",
        query = "SELECT t FROM PointTransaction t WHERE t.userId = :userId AND t.clientOrderKey = :key")
@NamedQuery(
        name = "PointTransaction.findByBonusKey",
        query = "SELECT t FROM PointTransaction t WHERE t.userId = :userId AND t.bonusKey = :key")
@NamedQuery(
        name = "PointTransaction.findByClientRef",
        query = "SELECT t FROM PointTransaction t WHERE t.userId = :userId AND t.clientRef = :ref")
@NamedQuery(
        name = "PointTransaction.pairingCandidates",
        query = "SELECT t FROM PointTransaction t WHERE t.userId = :userId AND t.source = :source"
                + " AND t.paired = false AND t.type = :type AND t.points = :points AND t.createdAt >= :since"
                + " ORDER BY t.id")
@NamedQuery(
        name = "PointTransaction.unpairedWithoutOrder",
        query = "SELECT t FROM PointTransaction t WHERE t.userId = :userId AND t.source = :source"
                + " AND t.paired = false AND t.type IN :types AND t.orderKey IS NULL AND t.createdAt >= :since"
                + " ORDER BY t.id")
@NamedQuery(
        name = "PointTransaction.releasable",
        query = "SELECT t FROM PointTransaction t WHERE t.userId = :userId AND t.status = :pending"
                + " AND t.releaseAt <= :now ORDER BY t.id")
@NamedQuery(
        name = "PointTransaction.byOrder",
        query = "SELECT t FROM PointTransaction t WHERE t.userId = :userId AND t.orderKey = :orderKey"
                + " AND t.type = :type ORDER BY t.id")
@NamedQuery(
        name = "PointTransaction.reversedFrom",
        query = "SELECT COALESCE(SUM(r.uncollectable - r.points), 0) FROM PointTransaction r"
                + " WHERE r.reversesId = :lotId")
@NamedQuery(
        name = "PointTransaction.findReferralOf",
        query = "SELECT t FROM PointTransaction t WHERE t.referredUserId = :referred")
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

    @Column(name = "paired", nullable = false)
    private boolean paired;

    @Column(name = "client_order_key", updatable = false)
    private String clientOrderKey;

    @Column(name = "idempotency_scope")
    private String idempotencyScope;

    @Column(name = "uncollectable", nullable = false, updatable = false)
    private int uncollectable;

    @Column(name = "bonus_key", updatable = false)
    private String bonusKey;

    @Column(name = "referred_user_id", updatable = false)
    private Long referredUserId;

    /** Generated by the database: the expiry of an open lot (available, remaining > 0), else null. */
    @Column(name = "lot_expiry", insertable = false, updatable = false)
    private Instant lotExpiry;

    protected PointTransaction() {}

    /** What every new row needs; the factory methods below decide remaining and status. */
    public record Origin(TransactionSource source, String actor, Instant at) {}

    /**
     * A credit: a lot whose {@code remaining} starts at its points. A pending lot (an order award held back)
     * is not spendable until released.
     */
    public static PointTransaction credit(
            long userId,
            TransactionType type,
            int points,
            String description,
            String orderId,
            Instant expiresAt,
            TransactionStatus status,
            Origin origin) {
        if (points <= 0 || type.balanceDelta(points) <= 0) {
            throw new IllegalArgumentException("a credit needs positive points of a credit type");
        }
        PointTransaction row = row(userId, type, points, description, orderId, origin);
        row.expiresAt = expiresAt;
        row.remaining = points;
        row.status = status;
        return row;
    }

    /** A debit (redeem, expire, negative adjust): consumes lots through allocations, has no remaining. */
    public static PointTransaction debit(
            long userId, TransactionType type, int points, String description, String orderId, Origin origin) {
        boolean emptyReversal = points == 0 && type == TransactionType.ADJUST;
        if (!emptyReversal && (points == 0 || type.balanceDelta(points) >= 0)) {
            throw new IllegalArgumentException("a debit needs points of a debit type");
        }
        PointTransaction row = row(userId, type, points, description, orderId, origin);
        row.status = TransactionStatus.AVAILABLE;
        return row;
    }

    private static PointTransaction row(
            long userId, TransactionType type, int points, String description, String orderId, Origin origin) {
        PointTransaction row = new PointTransaction();
        row.userId = userId;
        row.type = type;
        row.points = points;
        row.description = description;
        row.orderId = orderId;
        row.orderKey = OrderKeys.normalise(orderId);
        row.createdAt = origin.at();
        row.source = origin.source();
        row.actor = origin.actor();
        return row;
    }

    /** Points that should have been taken back but were already spent (a reversal that came too late). */
    public PointTransaction withUncollectable(int points) {
        if (points < 0) {
            throw new IllegalArgumentException("uncollectable points are never negative");
        }
        this.uncollectable = points;
        return this;
    }

    /** Marks a row sent by a client with an order id, so the same order and type is recorded once per member. */
    public PointTransaction withClientOrderKey(String clientOrderKey) {
        this.clientOrderKey = clientOrderKey;
        return this;
    }

    /** The Idempotency-Key claim this row was written under (see V9). */
    public PointTransaction withIdempotencyScope(String scope) {
        this.idempotencyScope = scope;
        return this;
    }

    public PointTransaction withBonusKey(String key) {
        this.bonusKey = key;
        return this;
    }

    public PointTransaction withReferredUserId(long referred) {
        this.referredUserId = referred;
        return this;
    }

    public PointTransaction withClientRef(String ref) {
        this.clientRef = ref;
        return this;
    }

    /**
     * Records that a second report of the same event was matched to this row (SPEC §3.5); a row pairs at most
     * once. {@code ref} is the app's own id of the event, kept when this row has none yet.
     */
    /**
     * Records the Idempotency-Key claim of an /earn or /redeem that this (synced) row answered by pairing, so a
     * retry after a crash that lost the answer finds this row instead of writing anew. Kept if the row has one.
     */
    public void answerClaim(String scope) {
        if (idempotencyScope == null) {
            idempotencyScope = scope;
        }
    }

    public void pair(String ref) {
        if (paired) {
            throw new IllegalStateException("row " + id + " is already paired");
        }
        paired = true;
        if (clientRef == null && ref != null) {
            clientRef = ref;
        }
    }

    public boolean isPaired() {
        return paired;
    }

    @Column(name = "release_at")
    private Instant releaseAt;

    @Column(name = "reverses_id", updatable = false)
    private Long reversesId;

    /** Holds a pending award until {@code at}, when the release job makes it spendable. */
    public PointTransaction heldUntil(Instant at) {
        this.releaseAt = at;
        return this;
    }

    public PointTransaction reversing(long creditId) {
        this.reversesId = creditId;
        return this;
    }

    public Optional<Instant> releaseAt() {
        return Optional.ofNullable(releaseAt);
    }

    public Optional<Long> reversesId() {
        return Optional.ofNullable(reversesId);
    }

    /**
     * For a refund row whose points went partly back into the original lots: only {@code amount} is a lot of its
     * own.
     */
    public void withRemaining(int amount) {
        if (id != null || amount < 0 || amount > points) {
            throw new IllegalStateException("remaining is set once, before the row is stored");
        }
        remaining = amount;
    }

    /** Puts back points a refunded redemption had taken from this (still unexpired) lot. */
    public void restore(int amount) {
        if (amount <= 0 || remaining + amount > points || status != TransactionStatus.AVAILABLE) {
            throw new IllegalStateException("lot " + id + " cannot take back " + amount);
        }
        remaining += amount;
    }

    /** A pending award becomes an available lot. */
    public void release() {
        if (status != TransactionStatus.PENDING) {
            throw new IllegalStateException("row " + id + " is not pending");
        }
        status = TransactionStatus.AVAILABLE;
    }

    /** A pending award or claim that will never count (order cancelled, claim superseded). */
    public void voidPending() {
        if (status != TransactionStatus.PENDING) {
            throw new IllegalStateException("row " + id + " is not pending");
        }
        status = TransactionStatus.VOID;
    }

    /** Takes {@code amount} points out of this lot. */
    public void consume(int amount) {
        if (amount <= 0 || amount > remaining || status != TransactionStatus.AVAILABLE) {
            throw new IllegalStateException("lot " + id + " cannot give " + amount + " of " + remaining);
        }
        remaining -= amount;
    }

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

    public Optional<String> clientOrderKey() {
        return Optional.ofNullable(clientOrderKey);
    }

    public Optional<String> bonusKey() {
        return Optional.ofNullable(bonusKey);
    }

    public Optional<Long> referredUserId() {
        return Optional.ofNullable(referredUserId);
    }

    /** The change this row made to the balance when it became available. */
    public long balanceDelta() {
        return type.balanceDelta(points);
    }

    /** Expired means the expiry time has passed, whether or not the expiry job has run yet. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
