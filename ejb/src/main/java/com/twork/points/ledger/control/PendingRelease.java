package com.twork.points.ledger.control;

import com.twork.points.ledger.entity.PointAccount;
import com.twork.points.ledger.entity.PointTransaction;
import com.twork.points.ledger.entity.TransactionStatus;
import com.twork.points.ledger.entity.TransactionType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Releases order awards held for {@code pending_days} (SPEC §6.2), one batch per transaction, claiming account
 * rows with {@code SKIP LOCKED} exactly like the expiry sweep.
 */
@ApplicationScoped
public class PendingRelease {
    static final int ROWS_PER_BATCH = 500;

    @PersistenceContext
    EntityManager em;

    /** Releases one batch; returns how many awards became spendable (0: nothing left that is free to take). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int releaseBatch(Instant now) {
        List<?> owners = em.createNativeQuery("SELECT user_id FROM point_transaction WHERE status = 'pending'"
                        + " AND release_at <= ?1 ORDER BY release_at LIMIT " + ROWS_PER_BATCH)
                .setParameter(1, now)
                .getResultList();
        if (owners.isEmpty()) {
            return 0;
        }
        Set<Long> candidates = new LinkedHashSet<>();
        owners.forEach(owner -> candidates.add(((Number) owner).longValue()));
        List<?> claimed = em.createNativeQuery("SELECT user_id FROM point_account WHERE user_id IN ("
                        + String.join(
                                ",", candidates.stream().map(String::valueOf).toList())
                        + ") ORDER BY user_id FOR UPDATE SKIP LOCKED")
                .getResultList();
        int released = 0;
        for (Object id : claimed) {
            long userId = ((Number) id).longValue();
            PointAccount account = em.find(PointAccount.class, userId);
            List<PointTransaction> due = em.createNamedQuery("PointTransaction.releasable", PointTransaction.class)
                    .setParameter("userId", userId)
                    .setParameter("pending", TransactionStatus.PENDING)
                    .setParameter("now", now)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList();
            for (PointTransaction award : due) {
                award.release();
                account.releasePending(award.points(), award.type() == TransactionType.EARN, now);
                account.lotOpened(award.expiresAt());
                released++;
            }
        }
        em.flush();
        return released;
    }
}
