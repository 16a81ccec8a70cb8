package com.twork.points.idempotency.control;

import com.twork.points.platform.control.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The idempotency_record table, in plain SQL: the rows are written once, answered, and deleted by housekeeping. */
@ApplicationScoped
public class IdempotencyRecords {
    @PersistenceContext
    EntityManager em;

    /** A stored claim and, once complete, its answer. */
    public record StoredRecord(String requestHash, boolean complete, int status, String body, Instant createdAt) {}

    /** True when this call created the claim; false when one already exists. */
    public boolean insertIfAbsent(
            String scope,
            String credential,
            String method,
            String path,
            String key,
            String requestHash,
            String ownerInstance,
            Optional<Long> memberUserId,
            Instant now,
            Instant expiresAt) {
        return em.createNativeQuery("INSERT IGNORE INTO idempotency_record (scope_hash, credential, http_method, path,"
                                + " idempotency_key, request_hash, state, owner_instance, member_user_id, created_at,"
                                + " expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'in_progress', ?9, ?10, ?7, ?8)")
                        .setParameter(1, scope)
                        .setParameter(2, credential)
                        .setParameter(3, method)
                        .setParameter(4, path)
                        .setParameter(5, key)
                        .setParameter(6, requestHash)
                        .setParameter(7, now)
                        .setParameter(8, expiresAt)
                        .setParameter(9, ownerInstance)
                        .setParameter(10, memberUserId.orElse(null))
                        .executeUpdate()
                == 1;
    }

    /**
     * A plain (READ COMMITTED) read: the caller's INSERT IGNORE already holds a shared lock on the row, and
     * asking for an exclusive one as well would deadlock two concurrent duplicates.
     */
    public Optional<StoredRecord> find(String scope) {
        List<?> rows = em.createNativeQuery("SELECT request_hash, state, response_status, response_body, created_at"
                        + " FROM idempotency_record WHERE scope_hash = ?1")
                .setParameter(1, scope)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new StoredRecord(
                (String) row[0],
                "complete".equals(row[1]),
                row[2] == null ? 0 : ((Number) row[2]).intValue(),
                (String) row[3],
                Times.instant(row[4])));
    }

    /**
     * Takes over a claim still in progress whose owner can no longer answer: taken before {@code staleBefore}, or
     * held by another instance whose heartbeat stopped {@code deadAfterSeconds} ago (by the database's clock) or
     * that is gone from {@code server_instance}. True if this call got it; it is then this instance's claim.
     */
    public boolean takeOver(
            String scope, String ownerInstance, Instant now, Instant staleBefore, int deadAfterSeconds) {
        return em.createNativeQuery("UPDATE idempotency_record r SET r.created_at = ?2, r.owner_instance = ?4"
                                + " WHERE r.scope_hash = ?1 AND r.state = 'in_progress' AND (r.created_at < ?3"
                                + " OR (r.owner_instance <> ?4 AND NOT EXISTS (SELECT 1 FROM server_instance s"
                                + " WHERE s.instance_id = r.owner_instance"
                                + " AND s.heartbeat_at >= UTC_TIMESTAMP(6) - INTERVAL ?5 SECOND)))")
                        .setParameter(1, scope)
                        .setParameter(2, now)
                        .setParameter(3, staleBefore)
                        .setParameter(4, ownerInstance)
                        .setParameter(5, deadAfterSeconds)
                        .executeUpdate()
                == 1;
    }

    /** Renews a claim this instance owns (the caller knows none of its requests still carries it). */
    public boolean takeOverOwn(String scope, String ownerInstance, Instant now) {
        return em.createNativeQuery("UPDATE idempotency_record SET created_at = ?2 WHERE scope_hash = ?1"
                                + " AND state = 'in_progress' AND owner_instance = ?3")
                        .setParameter(1, scope)
                        .setParameter(2, now)
                        .setParameter(3, ownerInstance)
                        .executeUpdate()
                == 1;
    }

    public void complete(String scope, int status, String body) {
        em.createNativeQuery("UPDATE idempotency_record SET state = 'complete', response_status = ?2,"
                        + " response_body = ?3 WHERE scope_hash = ?1")
                .setParameter(1, scope)
                .setParameter(2, status)
                .setParameter(3, body)
                .executeUpdate();
    }

    public void delete(String scope) {
        em.createNativeQuery("DELETE FROM idempotency_record WHERE scope_hash = ?1")
                .setParameter(1, scope)
                .executeUpdate();
    }
}
