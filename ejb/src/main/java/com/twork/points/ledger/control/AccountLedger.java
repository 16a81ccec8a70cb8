package com.twork.points.ledger.control;

import com.twork.points.ledger.entity.OrderKeys;
import com.twork.points.ledger.entity.PointAccount;
import com.twork.points.ledger.entity.PointAllocation;
import com.twork.points.ledger.entity.PointTransaction;
import com.twork.points.ledger.entity.TransactionSource;
import com.twork.points.ledger.entity.TransactionStatus;
import com.twork.points.ledger.entity.TransactionType;
import com.twork.points.platform.boundary.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ledger's primitives, always used inside one transaction and under the lock on the member's account row:
 * lock the account, expire due lots, credit a lot, debit FIFO with allocations. Lock order everywhere: the
 * account row first, then lots.
 */
@ApplicationScoped
public class AccountLedger {
    public static final String EXPIRED_DESCRIPTION = "Points expired";

    @PersistenceContext
    EntityManager em;

    /**
     * Locks the member's account row ({@code SELECT ... FOR UPDATE}), creating it first when missing: a lock on a
     * missing row would lock nothing. The plain locking read comes first because {@code INSERT IGNORE} on an
     * existing row takes a shared lock that two writers would then both try to upgrade (a deadlock). Only the
     * very first writes of a member can still meet that case; the caller's retry absorbs it.
     */
    public PointAccount lock(long userId, Instant now) {
        PointAccount account = em.find(PointAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (account != null) {
            return account;
        }
        em.createNativeQuery("INSERT IGNORE INTO point_account (user_id, updated_at) VALUES (?1, ?2)")
                .setParameter(1, userId)
                .setParameter(2, now)
                .executeUpdate();
        return em.find(PointAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Expires what remains of every lot whose expiry time has passed, as one {@code expire} debit with an
     * allocation per lot. Spent points are no longer in any lot, so they can never expire again.
     */
    public ExpiryOutcome expireDue(PointAccount account, PointTransaction.Origin origin) {
        List<PointTransaction> due = em.createNamedQuery("PointTransaction.dueLots", PointTransaction.class)
                .setParameter("userId", account.userId())
                .setParameter("now", origin.at())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        long total = due.stream().mapToLong(PointTransaction::remaining).sum();
        if (total == 0) {
            return ExpiryOutcome.NOTHING;
        }
        PointTransaction expire = PointTransaction.debit(
                account.userId(), TransactionType.EXPIRE, Math.toIntExact(total), EXPIRED_DESCRIPTION, null, origin);
        em.persist(expire);
        for (PointTransaction lot : due) {
            allocate(expire, lot, lot.remaining(), origin.at());
        }
        account.expire(total, origin.at());
        return new ExpiryOutcome(due.size(), total, Optional.of(expire.id()));
    }

    /** The most points one member may hold (balance and pending): every lot and every expiry fits an INT. */
    public static final long MAX_HOLDING = Integer.MAX_VALUE;

    /** Records a credit lot; a pending one waits (visible, not spendable) until released. */
    public PointTransaction credit(PointAccount account, PointTransaction lot) {
        if (account.balance() + account.pending() + lot.points() > MAX_HOLDING) {
            throw new InvalidInputException(
                    "invalid_params", "Invalid user_id or points: the member would hold more than " + MAX_HOLDING);
        }
        em.persist(lot);
        if (lot.status() == TransactionStatus.PENDING) {
            account.holdPending(lot.points(), lot.createdAt());
        } else {
            account.credit(lot.points(), lot.type() == TransactionType.EARN, lot.createdAt());
        }
        return lot;
    }

    /**
     * Debits {@code debit.points()} from the spendable lots, soonest-expiring first (then oldest), recording one
     * allocation per lot touched. Returns empty, writing nothing, when the lots do not cover it.
     */
    public Optional<PointTransaction> redeem(PointAccount account, PointTransaction debit) {
        List<PointTransaction> lots = spendableLots(account.userId(), debit.createdAt());
        long spendable =
                Math.min(lots.stream().mapToLong(PointTransaction::remaining).sum(), account.balance());
        if (spendable < debit.points()) {
            return Optional.empty();
        }
        em.persist(debit);
        int left = debit.points();
        for (PointTransaction lot : lots) {
            if (left == 0) {
                break;
            }
            int take = Math.min(left, lot.remaining());
            allocate(debit, lot, take, debit.createdAt());
            left -= take;
        }
        account.redeem(debit.points(), debit.createdAt());
        return Optional.of(debit);
    }

    /** What a reversal did: points actually taken back and what could not be (already spent elsewhere). */
    public record Reversal(PointTransaction row, long taken, long uncollectable) {}

    /**
     * Takes back a credit (SPEC §5.6): at most {@code maxPoints}, and never more than its points minus what of it
     * has expired or was already taken back; first from its own lot, then from the member's other spendable lots
     * soonest-expiring first, never below 0. The row written is a negative {@code adjust} of what was taken; the
     * rest is recorded as {@code uncollectable}. Empty when nothing is left to take back.
     */
    public Optional<Reversal> reverse(
            PointAccount account,
            PointTransaction lot,
            long maxPoints,
            String description,
            PointTransaction.Origin origin) {
        long expired = ((Number) em.createNativeQuery(
                                "SELECT COALESCE(SUM(a.points), 0) FROM point_allocation a"
                                        + " JOIN point_transaction d ON d.id = a.debit_id WHERE a.lot_id = ?1 AND d.type = 'expire'")
                        .setParameter(1, lot.id())
                        .getSingleResult())
                .longValue();
        long reversedBefore = ((Number) em.createNamedQuery("PointTransaction.reversedFrom")
                        .setParameter("lotId", lot.id())
                        .getSingleResult())
                .longValue();
        long target = Math.min(maxPoints, Math.max(0, lot.points() - expired - reversedBefore));
        if (target == 0) {
            return Optional.empty();
        }
        List<PointTransaction> lots = spendableLots(account.userId(), origin.at());
        long available =
                Math.min(lots.stream().mapToLong(PointTransaction::remaining).sum(), account.balance());
        long taken = Math.min(target, available);
        PointTransaction debit = PointTransaction.debit(
                        account.userId(),
                        TransactionType.ADJUST,
                        -Math.toIntExact(taken),
                        description,
                        lot.orderId().orElse(null),
                        origin)
                .withUncollectable(Math.toIntExact(target - taken))
                .reversing(lot.id());
        em.persist(debit);
        if (taken == 0) {
            // Nothing left to take: the row (0 points) still records the reversal and what stayed uncollectable.
            account.reduceEarned(lot.type() == TransactionType.EARN ? target : 0, origin.at());
            return Optional.of(new Reversal(debit, 0, target));
        }
        long left = taken;
        for (PointTransaction candidate : ownFirst(lots, lot.id())) {
            if (left == 0) {
                break;
            }
            int take = (int) Math.min(left, candidate.remaining());
            if (take > 0) {
                allocate(debit, candidate, take, origin.at());
                left -= take;
            }
        }
        account.takeBack(taken, lot.type() == TransactionType.EARN ? target : 0, origin.at());
        return Optional.of(new Reversal(debit, taken, target - taken));
    }

    /**
     * Refunds a redemption (SPEC §5.5): its allocations go back into their lots where those are still unexpired;
     * what belonged to lots that expired meanwhile comes back as a new {@code refund} lot. The refund row carries
     * the whole amount; its {@code remaining} is only the part that needed a new lot.
     */
    public Optional<PointTransaction> refundRedemption(
            PointAccount account,
            PointTransaction redemption,
            String bonusKey,
            Instant newLotExpiry,
            PointTransaction.Origin origin) {
        List<PointAllocation> allocations = em.createNamedQuery("PointAllocation.ofDebit", PointAllocation.class)
                .setParameter("debitId", redemption.id())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        int restored = 0;
        int orphaned = 0;
        for (PointAllocation allocation : allocations) {
            int amount = allocation.outstanding();
            if (amount == 0) {
                continue;
            }
            PointTransaction lot = em.find(PointTransaction.class, allocation.lotId(), LockModeType.PESSIMISTIC_WRITE);
            boolean alive = lot.status() == TransactionStatus.AVAILABLE
                    && lot.expiresAt().map(at -> at.isAfter(origin.at())).orElse(true);
            if (alive) {
                lot.restore(amount);
                restored += amount;
            } else {
                orphaned += amount;
            }
            allocation.restore();
        }
        int total = restored + orphaned;
        if (total == 0) {
            return Optional.empty();
        }
        PointTransaction refund = PointTransaction.credit(
                        account.userId(),
                        TransactionType.REFUND,
                        total,
                        "Refund of points redeemed on order "
                                + redemption.orderId().orElse("-"),
                        redemption.orderId().orElse(null),
                        orphaned > 0 ? newLotExpiry : null,
                        TransactionStatus.AVAILABLE,
                        origin)
                .withBonusKey(bonusKey)
                .reversing(redemption.id());
        refund.withRemaining(orphaned);
        em.persist(refund);
        account.giveBack(total, total, origin.at());
        return Optional.of(refund);
    }

    /** A staff debit: FIFO like a redemption, but it is not a redemption. Empty when the balance is too low. */
    public Optional<PointTransaction> debitAdjust(PointAccount account, PointTransaction debit) {
        int amount = Math.abs(debit.points());
        List<PointTransaction> lots = spendableLots(account.userId(), debit.createdAt());
        long spendable =
                Math.min(lots.stream().mapToLong(PointTransaction::remaining).sum(), account.balance());
        if (spendable < amount) {
            return Optional.empty();
        }
        em.persist(debit);
        int left = amount;
        for (PointTransaction candidate : lots) {
            if (left == 0) {
                break;
            }
            int take = Math.min(left, candidate.remaining());
            allocate(debit, candidate, take, debit.createdAt());
            left -= take;
        }
        account.takeBack(amount, 0, debit.createdAt());
        return Optional.of(debit);
    }

    /** Gives back points as a new lot (undoing a debit); {@code redeemed} when a redemption is being undone. */
    public PointTransaction giveBack(PointAccount account, PointTransaction lot, boolean redeemed) {
        em.persist(lot);
        account.giveBack(lot.points(), redeemed ? lot.points() : 0, lot.createdAt());
        return lot;
    }

    public Optional<PointTransaction> find(long transactionId) {
        return Optional.ofNullable(em.find(PointTransaction.class, transactionId));
    }

    /** The row locked and read afresh from the database (never a copy loaded before the account lock). */
    public PointTransaction lockRow(long transactionId) {
        PointTransaction row = em.find(PointTransaction.class, transactionId);
        em.refresh(row, LockModeType.PESSIMISTIC_WRITE);
        return row;
    }

    /** What reversals have taken back (or recorded as uncollectable) of a credit so far. */
    public long reversedFrom(long lotId) {
        return ((Number) em.createNamedQuery("PointTransaction.reversedFrom")
                        .setParameter("lotId", lotId)
                        .getSingleResult())
                .longValue();
    }

    private static List<PointTransaction> ownFirst(List<PointTransaction> lots, Long ownId) {
        List<PointTransaction> ordered = new ArrayList<>();
        lots.stream().filter(lot -> lot.id().equals(ownId)).forEach(ordered::add);
        lots.stream().filter(lot -> !lot.id().equals(ownId)).forEach(ordered::add);
        return ordered;
    }

    public Optional<PointTransaction> findByClientOrderKey(long userId, String clientOrderKey) {
        return em.createNamedQuery("PointTransaction.findByClientOrderKey", PointTransaction.class)
                .setParameter("userId", userId)
                .setParameter("key", clientOrderKey)
                .getResultStream()
                .findFirst();
    }

    public Optional<PointTransaction> findByIdempotencyScope(long userId, String scope) {
        return em.createNamedQuery("PointTransaction.findByIdempotencyScope", PointTransaction.class)
                .setParameter("userId", userId)
                .setParameter("scope", scope)
                .getResultStream()
                .findFirst();
    }

    public Optional<PointTransaction> findByBonusKey(long userId, String bonusKey) {
        return em.createNamedQuery("PointTransaction.findByBonusKey", PointTransaction.class)
                .setParameter("userId", userId)
                .setParameter("key", bonusKey)
                .getResultStream()
                .findFirst();
    }

    public Optional<PointTransaction> findByClientRef(long userId, String clientRef) {
        return em.createNamedQuery("PointTransaction.findByClientRef", PointTransaction.class)
                .setParameter("userId", userId)
                .setParameter("ref", clientRef)
                .getResultStream()
                .findFirst();
    }

    /**
     * The oldest row from {@code source} not yet paired that reports the same event: same type, points,
     * description and normalised order id, created since {@code since}.
     */
    public Optional<PointTransaction> findPairingCandidate(
            long userId,
            TransactionSource source,
            TransactionType type,
            int points,
            String description,
            String orderKey,
            Instant since) {
        return em.createNamedQuery("PointTransaction.pairingCandidates", PointTransaction.class)
                .setParameter("userId", userId)
                .setParameter("source", source)
                .setParameter("type", type)
                .setParameter("points", points)
                .setParameter("since", since)
                .getResultStream()
                .filter(row -> Objects.equals(row.description().orElse(null), description))
                .filter(row -> Objects.equals(OrderKeys.normalise(row.orderId().orElse(null)), orderKey))
                .findFirst();
    }

    public Optional<PointTransaction> findReferralOf(long referredUserId) {
        return em.createNamedQuery("PointTransaction.findReferralOf", PointTransaction.class)
                .setParameter("referred", referredUserId)
                .getResultStream()
                .findFirst();
    }

    /** Makes pending writes visible to the database now, so constraint violations surface inside the use case. */
    public void flush() {
        em.flush();
    }

    private List<PointTransaction> spendableLots(long userId, Instant now) {
        return em.createNamedQuery("PointTransaction.spendableLots", PointTransaction.class)
                .setParameter("userId", userId)
                .setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    private void allocate(PointTransaction debit, PointTransaction lot, int points, Instant at) {
        lot.consume(points);
        em.persist(new PointAllocation(debit.id(), lot.id(), points, at));
    }
}
