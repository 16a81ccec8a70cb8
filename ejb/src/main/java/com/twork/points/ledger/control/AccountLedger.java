package com.twork.points.ledger.control;

import com.twork.points.ledger.entity.OrderKeys;
import com.twork.points.ledger.entity.PointAccount;
import com.twork.points.ledger.entity.PointAllocation;
import com.twork.points.ledger.entity.PointTransaction;
import com.twork.points.ledger.entity.TransactionSource;
import com.twork.points.ledger.entity.TransactionStatus;
import com.twork.points.ledger.entity.TransactionType;
import com.twork.points.member.entity.MemberStatus;
import com.twork.points.platform.boundary.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.Session;

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
        // In the application every lot is written under its account's lock, so a new account has none: nothing
        // will expire and nothing was synced (the hints of V13 are exact from the start).
        em.createNativeQuery("INSERT IGNORE INTO point_account (user_id, updated_at, next_expiry, last_sync_at)"
                        + " VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, userId)
                .setParameter(2, now)
                .setParameter(3, PointAccount.NEVER)
                .setParameter(4, Instant.EPOCH)
                .executeUpdate();
        return em.find(PointAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The account row locked, with what a write asks next read in the same round trip: whether the member is
     * active and, for a client's order id, the row already recorded for it ({@code client_order_key}). Empty when
     * the member has no account row yet; the caller then takes the long way ({@link #lock}). The member row is read,
     * not locked: a status change racing with a write is ordered either way. A row for the order committed by a
     * writer this one waited for may be missed here; the unique key then refuses the insert and the use case is
     * retried, when it is seen.
     */
    public Optional<Locked> lockForWrite(long userId, Optional<String> clientOrderKey) {
        List<?> rows = em.createNamedQuery("PointAccount.lockForWrite")
                .setParameter(1, userId)
                // No key: an empty one, which no row has (a client order key is "type:order").
                .setParameter(2, clientOrderKey.orElse(""))
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Locked(
                (PointAccount) row[0],
                MemberStatus.fromWire((String) row[1]),
                Optional.ofNullable((Number) row[2]).map(Number::longValue)));
    }

    /** A locked account, its member's status, and the row of the order key asked about, if recorded. */
    public record Locked(PointAccount account, MemberStatus memberStatus, Optional<Long> orderRowId) {
        public boolean memberActive() {
            return memberStatus == MemberStatus.ACTIVE;
        }
    }

    /**
     * Expires what remains of every lot whose expiry time has passed, as one {@code expire} debit with an
     * allocation per lot. Spent points are no longer in any lot, so they can never expire again. Skipped without a
     * query when the account knows its earliest open lot expires later; otherwise the member's open lots are read
     * (a plain read on the member's own index range: the account lock already excludes every other writer of
     * these lots, so locking them as well only made writers of different members wait for each other's gap locks)
     * and the account learns when the next one is due.
     */
    public ExpiryOutcome expireDue(PointAccount account, PointTransaction.Origin origin) {
        if (!account.mayHaveDueLots(origin.at())) {
            return ExpiryOutcome.NOTHING;
        }
        List<PointTransaction> open = openLots(account.userId());
        List<PointTransaction> due = new ArrayList<>();
        Instant next = PointAccount.NEVER;
        for (PointTransaction lot : open) {
            if (lot.remaining() == 0 || lot.status() != TransactionStatus.AVAILABLE) {
                continue;
            }
            Instant expiry = lot.expiresAt().orElse(PointAccount.NEVER);
            if (!expiry.isAfter(origin.at())) {
                due.add(lot);
            } else if (expiry.isBefore(next)) {
                next = expiry;
            }
        }
        account.openLotsExpireFrom(next);
        long total = due.stream().mapToLong(PointTransaction::remaining).sum();
        if (total == 0) {
            return ExpiryOutcome.NOTHING;
        }
        PointTransaction expire = PointTransaction.debit(
                account.userId(), TransactionType.EXPIRE, Math.toIntExact(total), EXPIRED_DESCRIPTION, null, origin);
        em.persist(expire);
        allocate(expire, due.stream().map(lot -> new Take(lot, lot.remaining())).toList(), origin.at());
        account.expire(total, origin.at());
        return new ExpiryOutcome(due.size(), total, Optional.of(expire.id()));
    }

    /**
     * The member's open lots (available, remaining > 0), soonest-expiring first, then oldest, as managed rows. Read
     * without a lock under the account lock (see {@link #expireDue}); rows this transaction changed and has not
     * flushed yet come back as they are in memory, so callers filter on {@code remaining} and the expiry again.
     */
    private List<PointTransaction> openLots(long userId) {
        return em.createNamedQuery("PointTransaction.openLots", PointTransaction.class)
                .setParameter(1, userId)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
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
            account.lotOpened(lot.expiresAt());
        }
        return lot;
    }

    /**
     * Counts a plain credit lot (no order, bonus or claim keys) of a batch into the account, without writing it yet:
     * {@link #insertPlainLots} writes the batch's lots together. Refuses, changing nothing, what would overflow.
     */
    public void countPlainLot(PointAccount account, PointTransaction lot) {
        if (lot.status() != TransactionStatus.AVAILABLE) {
            throw new IllegalArgumentException("only available lots are written in bulk");
        }
        if (account.balance() + account.pending() + lot.points() > MAX_HOLDING) {
            throw new InvalidInputException(
                    "invalid_params", "Invalid user_id or points: the member would hold more than " + MAX_HOLDING);
        }
        account.credit(lot.points(), lot.type() == TransactionType.EARN, lot.createdAt());
        account.lotOpened(lot.expiresAt());
    }

    /**
     * Writes plain credit lots counted by {@link #countPlainLot} as one multi-row insert and returns their ids in
     * the same order ({@code RETURNING}: no second query, and right under Galera's interleaved auto-increments).
     */
    public List<Long> insertPlainLots(List<PointTransaction> lots) {
        if (lots.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("INSERT INTO point_transaction (user_id, type, points, description,"
                + " created_at, expires_at, remaining, status, source, actor, client_ref) VALUES ");
        for (int i = 0; i < lots.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, 'available', ?, ?, ?)");
        }
        sql.append(" RETURNING id");
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                int at = 1;
                for (PointTransaction lot : lots) {
                    insert.setLong(at++, lot.userId());
                    insert.setString(at++, lot.type().wire());
                    insert.setInt(at++, lot.points());
                    insert.setString(at++, lot.description().orElse(null));
                    insert.setObject(at++, utc(lot.createdAt()));
                    insert.setObject(
                            at++, lot.expiresAt().map(AccountLedger::utc).orElse(null));
                    insert.setInt(at++, lot.remaining());
                    insert.setString(at++, lot.source().wire());
                    insert.setString(at++, lot.actor());
                    insert.setString(at++, lot.clientRef().orElse(null));
                }
                List<Long> ids = new ArrayList<>(lots.size());
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                if (ids.size() != lots.size()) {
                    throw new IllegalStateException("inserted " + ids.size() + " of " + lots.size() + " lots");
                }
                return ids;
            }
        });
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** This member's rows whose client id is one of {@code refs}, by client id (under the account lock). */
    public Map<String, Long> idsByClientRef(long userId, Collection<String> refs) {
        if (refs.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> rows = new HashMap<>();
        em.createQuery(
                        "SELECT t.clientRef, t.id FROM PointTransaction t WHERE t.userId = :userId"
                                + " AND t.clientRef IN :refs",
                        Object[].class)
                .setParameter("userId", userId)
                .setParameter("refs", refs)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList()
                .forEach(row -> rows.put((String) row[0], (Long) row[1]));
        return rows;
    }

    /**
     * Every row posted through /earn or /redeem without an order id, of one of {@code types}, not yet paired and
     * created since {@code since}, oldest first: what a batch's plain credits may pair with (SPEC §3.5), in one
     * query for the whole batch.
     */
    public List<PointTransaction> unpairedRestRows(long userId, Collection<TransactionType> types, Instant since) {
        return em.createNamedQuery("PointTransaction.unpairedWithoutOrder", PointTransaction.class)
                .setParameter("userId", userId)
                .setParameter("source", TransactionSource.REST)
                .setParameter("types", types)
                .setParameter("since", since)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
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
        allocate(debit, fifo(lots, debit.points()), debit.createdAt());
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
        return reverse(account, lot, maxPoints, description, null, origin);
    }

    /**
     * {@link #reverse(PointAccount, PointTransaction, long, String, PointTransaction.Origin)} with a bonus key on
     * the row written (a staff void's {@code void:N}); set before the insert, since the column is not updatable.
     */
    public Optional<Reversal> reverse(
            PointAccount account,
            PointTransaction lot,
            long maxPoints,
            String description,
            String bonusKey,
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
                .withBonusKey(bonusKey)
                .reversing(lot.id());
        em.persist(debit);
        if (taken == 0) {
            // Nothing left to take: the row (0 points) still records the reversal and what stayed uncollectable.
            account.reduceEarned(lot.type() == TransactionType.EARN ? target : 0, origin.at());
            return Optional.of(new Reversal(debit, 0, target));
        }
        allocate(debit, fifo(ownFirst(lots, lot.id()), Math.toIntExact(taken)), origin.at());
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
        return giveBackRedemption(
                account,
                redemption,
                TransactionType.REFUND,
                "Refund of points redeemed on order " + redemption.orderId().orElse("-"),
                bonusKey,
                newLotExpiry,
                origin);
    }

    /**
     * Gives a redemption back as {@link #refundRedemption} does, written as a row of the given type and
     * description: a staff void writes its {@code adjust} row this way, so every void looks the same.
     */
    public Optional<PointTransaction> giveBackRedemption(
            PointAccount account,
            PointTransaction redemption,
            TransactionType type,
            String description,
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
                account.lotOpened(lot.expiresAt());
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
                        type,
                        total,
                        description,
                        redemption.orderId().orElse(null),
                        orphaned > 0 ? newLotExpiry : null,
                        TransactionStatus.AVAILABLE,
                        origin)
                .withBonusKey(bonusKey)
                .reversing(redemption.id());
        refund.withRemaining(orphaned);
        em.persist(refund);
        account.giveBack(total, total, origin.at());
        if (orphaned > 0) {
            account.lotOpened(Optional.ofNullable(newLotExpiry));
        }
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
        allocate(debit, fifo(lots, amount), debit.createdAt());
        account.takeBack(amount, 0, debit.createdAt());
        return Optional.of(debit);
    }

    /** Gives back points as a new lot (undoing a debit); {@code redeemed} when a redemption is being undone. */
    public PointTransaction giveBack(PointAccount account, PointTransaction lot, boolean redeemed) {
        em.persist(lot);
        account.giveBack(lot.points(), redeemed ? lot.points() : 0, lot.createdAt());
        account.lotOpened(lot.expiresAt());
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

    /** The lots a debit may take from at {@code now}: open, unexpired, soonest-expiring first (then oldest). */
    private List<PointTransaction> spendableLots(long userId, Instant now) {
        return openLots(userId).stream()
                .filter(lot -> lot.remaining() > 0 && lot.status() == TransactionStatus.AVAILABLE)
                .filter(lot -> lot.expiresAt().orElse(PointAccount.NEVER).isAfter(now))
                .toList();
    }

    /** What a debit takes from one lot. */
    private record Take(PointTransaction lot, int points) {}

    /** {@code points} taken from {@code lots} in their order; the caller has checked that they cover it. */
    private static List<Take> fifo(List<PointTransaction> lots, int points) {
        List<Take> takes = new ArrayList<>();
        int left = points;
        for (PointTransaction lot : lots) {
            if (left == 0) {
                break;
            }
            int take = Math.min(left, lot.remaining());
            if (take > 0) {
                takes.add(new Take(lot, take));
                left -= take;
            }
        }
        return takes;
    }

    /**
     * Consumes the lots and records the allocations as one multi-row insert (their ids are never needed in the
     * transaction that writes them; a refund reads them back later).
     */
    private void allocate(PointTransaction debit, List<Take> takes, Instant at) {
        if (takes.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(
                "INSERT INTO point_allocation (created_at, debit_id, lot_id, points, restored) VALUES ");
        for (int i = 0; i < takes.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("(?1, ?2, ?")
                    .append(3 + 2 * i)
                    .append(", ?")
                    .append(4 + 2 * i)
                    .append(", 0)");
        }
        var insert = em.createNativeQuery(sql.toString())
                .setParameter(1, at)
                .setParameter(2, debit.id())
                .setFlushMode(FlushModeType.COMMIT);
        for (int i = 0; i < takes.size(); i++) {
            Take take = takes.get(i);
            take.lot().consume(take.points());
            insert.setParameter(3 + 2 * i, take.lot().id()).setParameter(4 + 2 * i, take.points());
        }
        insert.executeUpdate();
    }
}
