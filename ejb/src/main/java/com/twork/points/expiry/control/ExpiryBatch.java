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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One batch of the expiry sweep, one transaction: take the members owning the earliest due lots, lock those
 * account rows that nobody else holds ({@code FOR UPDATE SKIP LOCKED}: a member busy in a live write, or claimed
 * by a sweep on another instance, is left to them), and expire each one's due lots as a single {@code expire}
 * row. Account rows first, then lots, as everywhere.
 */
@ApplicationScoped
public class ExpiryBatch {
    /** Due lots looked at per batch; the members owning them are at most this many. */
    static final int LOTS_PER_BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountLedger accounts;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SweepResult run(Instant now, Set<Long> skipped) {
        Set<Long> candidates = candidates(now, skipped);
        if (candidates.isEmpty()) {
            return SweepResult.NONE;
        }
        List<?> claimed = em.createNativeQuery("SELECT user_id FROM point_account WHERE user_id IN ("
                        + String.join(
                                ",", candidates.stream().map(String::valueOf).toList())
                        + ") ORDER BY user_id FOR UPDATE SKIP LOCKED")
                .getResultList();
        int lots = 0;
        long points = 0;
        PointTransaction.Origin origin = new PointTransaction.Origin(TransactionSource.JOB, "system", now);
        for (Object id : claimed) {
            PointAccount account = em.find(PointAccount.class, ((Number) id).longValue());
            ExpiryOutcome outcome = accounts.expireDue(account, origin);
            lots += outcome.lots();
            points += outcome.points();
        }
        em.flush();
        return new SweepResult(1, claimed.size(), lots, points);
    }

    /** The members owning the earliest due lots, leaving out those a failed batch singled out. */
    public Set<Long> candidates(Instant now, Set<Long> skipped) {
        String without = skipped.isEmpty()
                ? ""
                : " AND user_id NOT IN ("
                        + String.join(",", skipped.stream().map(String::valueOf).toList()) + ")";
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
