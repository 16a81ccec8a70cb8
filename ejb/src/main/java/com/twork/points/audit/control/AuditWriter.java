package com.twork.points.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Appends to the audit log inside the caller's transaction, so the action and its audit row commit or vanish
 * together. The chain head row is locked first ({@code FOR UPDATE}): appends from every instance queue on it, so
 * the chain can never fork. Callers take it last, after the account and lot locks.
 */
@ApplicationScoped
public class AuditWriter {
    @PersistenceContext
    EntityManager em;

    /** Appends the entry; returns its id. */
    public long append(AuditEntry entry) {
        Object[] head = (Object[])
                em.createNativeQuery("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                        .getSingleResult();
        String previous = (String) head[1];
        String hash = entry.chainHash(previous);
        em.createNativeQuery("INSERT INTO audit_log (created_at, actor, action, member_user_id, delta, reason,"
                        + " balance_before, balance_after, transaction_id, client_address, details, prev_hash, hash)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
                .setParameter(1, entry.at())
                .setParameter(2, entry.actor())
                .setParameter(3, entry.action())
                .setParameter(4, entry.memberUserId())
                .setParameter(5, entry.delta())
                .setParameter(6, entry.reason())
                .setParameter(7, entry.balanceBefore())
                .setParameter(8, entry.balanceAfter())
                .setParameter(9, entry.transactionId())
                .setParameter(10, entry.clientAddress())
                .setParameter(11, entry.details())
                .setParameter(12, previous)
                .setParameter(13, hash)
                .executeUpdate();
        long id = ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
        em.createNativeQuery("UPDATE audit_chain_head SET last_id = ?1, last_hash = ?2 WHERE id = 1")
                .setParameter(1, id)
                .setParameter(2, hash)
                .executeUpdate();
        return id;
    }
}
