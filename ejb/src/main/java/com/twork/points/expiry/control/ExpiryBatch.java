package com.twork.points.expiry.control;

import com.twork.points.ledger.control.AccountLedger;
import com.twork.points.ledger.control.ExpiryOutcome;
import com.twork.points.ledger.entity.PointAccount;
import com.twork.points.ledger.entity.PointTransaction;
import com.twork.points.ledger.entity.TransactionSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One batch of the expiry sweep, one transaction: take the members owning the earliest due lots, lock those
 * account rows that nobody else holds ({@code FOR UPDATE SKIP LOCKED}: a member busy in a live write, or claimed
 * by a sweep on another instance, is left to them), and expire each one's due lots as a single {@code expire}
 * row, set-based for the whole batch (a few statements instead of a dozen per member). Account rows first, then
 * lots, as everywhere.
 */
@ApplicationScoped
public class ExpiryBatch {
    /** Due lots looked at per batch; the members owning them are at most this many. */
    static final int LOTS_PER_BATCH = 2_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountLedger accounts;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SweepResult run(Instant requested, Set<Long> skipped) {
        // Stored with microseconds: the expire rows of this batch are found again by their exact creation time.
        Instant now = requested.truncatedTo(ChronoUnit.MICROS);
        Set<Long> candidates = candidates(now, skipped);
        if (candidates.isEmpty()) {
            return SweepResult.NONE;
        }
        List<?> claimed = em.createNativeQuery("SELECT user_id FROM point_account WHERE user_id IN (" + ids(candidates)
                        + ") ORDER BY user_id FOR UPDATE SKIP LOCKED")
                .getResultList();
        if (claimed.isEmpty()) {
            return new SweepResult(1, 0, 0, 0);
        }
        String members =
                ids(claimed.stream().map(id -> ((Number) id).longValue()).toList());
        // The same work as AccountLedger.expireDue member by member, as five statements for the whole batch: one
        // expire row per member for the sum of its due remainders, one allocation per due lot, the lots emptied,
        // the accounts lowered (their next expiry is then unknown: each member's next write reads it from its lots).
        // The account rows are locked above; lots are only touched under their account lock.
        int expireRows = em.createNativeQuery("INSERT INTO point_transaction (user_id, type, points, description,"
                        + " created_at, remaining, status, source, actor)"
                        + " SELECT user_id, 'expire', SUM(remaining), ?1, ?2, 0, 'available', 'job', 'system'"
                        + " FROM point_transaction WHERE user_id IN (" + members + ") AND lot_expiry <= ?2"
                        + " GROUP BY user_id HAVING SUM(remaining) > 0")
                .setParameter(1, AccountLedger.EXPIRED_DESCRIPTION)
                .setParameter(2, now)
                .executeUpdate();
        if (expireRows == 0) {
            return new SweepResult(1, claimed.size(), 0, 0);
        }
        String thisBatch =
                "e.user_id IN (" + members + ") AND e.type = 'expire' AND e.source = 'job'" + " AND e.created_at = ?1";
        int lots = em.createNativeQuery("INSERT INTO point_allocation (created_at, debit_id, lot_id, points, restored)"
                        + " SELECT ?1, e.id, l.id, l.remaining, 0 FROM point_transaction e"
                        + " JOIN point_transaction l ON l.user_id = e.user_id AND l.lot_expiry <= ?1"
                        + " WHERE " + thisBatch)
                .setParameter(1, now)
                .executeUpdate();
        em.createNativeQuery("UPDATE point_transaction SET remaining = 0" + " WHERE user_id IN (" + members
                        + ") AND lot_expiry <= ?1")
                .setParameter(1, now)
                .executeUpdate();
        Number points = (Number)
                em.createNativeQuery("SELECT COALESCE(SUM(e.points), 0) FROM point_transaction e WHERE " + thisBatch)
                        .setParameter(1, now)
                        .getSingleResult();
        em.createNativeQuery("UPDATE point_account a JOIN point_transaction e ON e.user_id = a.user_id AND "
                        + thisBatch
                        + " SET a.balance = a.balance - e.points, a.lifetime_expired = a.lifetime_expired + e.points,"
                        + " a.updated_at = ?1, a.version = a.version + 1, a.next_expiry = NULL")
                .setParameter(1, now)
                .executeUpdate();
        return new SweepResult(1, claimed.size(), lots, points.longValue());
    }

    private static String ids(Collection<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    /** The members owning the earliest due lots, leaving out those a failed batch singled out. */
    public Set<Long> candidates(Instant now, Set<Long> skipped) {
        String without = skipped.isEmpty() ? "" : " AND user_id NOT IN (" + ids(skipped) + ")";
        List<?> owners = em.createNativeQuery("SELECT user_id FROM point_transaction WHERE lot_expiry <= ?1" + without
                        + " ORDER BY lot_expiry LIMIT " + LOTS_PER_BATCH)
                .setParameter(1, now)
                .getResultList();
        Set<Long> candidates = new LinkedHashSet<>();
        owners.forEach(owner -> candidates.add(((Number) owner).longValue()));
        return candidates;
    }

    /** One member alone, in its own transaction: how a batch that failed is finished member by member. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SweepResult runMember(long userId, Instant now) {
        List<?> claimed = em.createNativeQuery(
                        "SELECT user_id FROM point_account WHERE user_id = ?1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, userId)
                .getResultList();
        if (claimed.isEmpty()) {
            return SweepResult.NONE;
        }
        ExpiryOutcome outcome = accounts.expireDue(
                em.find(PointAccount.class, userId), new PointTransaction.Origin(TransactionSource.JOB, "system", now));
        em.flush();
        return new SweepResult(0, 1, outcome.lots(), outcome.points());
    }
}
