package com.twork.points.ops.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The housekeeping rule of each table that only grows (SPEC §9) and holds personal data (docs/privacy.md): rows
 * older than their retention setting are deleted. Deletes in chunks, each its own transaction, so no lock is held
 * for long. Every method takes the cutoff: rows older than it go.
 */
@ApplicationScoped
public class Housekeeping {
    public static final int CHUNK = 5_000;

    @PersistenceContext
    EntityManager em;

    /** Idempotency records claimed before the cutoff (the setting is never shorter than their replay window). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int idempotencyRecords(Instant before) {
        return delete("DELETE FROM idempotency_record WHERE created_at < ?1", before);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int webhookDeliveries(Instant before) {
        return delete("DELETE FROM webhook_delivery WHERE received_at < ?1", before);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int failureEvents(Instant before) {
        return delete("DELETE FROM failure_event WHERE occurred_at < ?1", before);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int throttleWindows(Instant before) {
        return delete("DELETE FROM throttle WHERE window_start < ?1", before);
    }

    /** Sessions last used before the cutoff (the setting is never shorter than the idle timeout). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int sessions(Instant before) {
        return delete("DELETE FROM login_session WHERE last_seen_at < ?1", before);
    }

    private int delete(String sql, Instant before) {
        return em.createNativeQuery(sql + " LIMIT " + CHUNK)
                .setParameter(1, before)
                .executeUpdate();
    }
}
