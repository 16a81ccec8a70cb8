package com.twork.points.ops.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * The housekeeping rule of each table that only grows (SPEC §9): idempotency records past their 25 hours,
 * webhook deliveries after 90 days, failure events after 7 days, throttle windows after a day, sessions idle
 * past their timeout. Deletes in chunks, each its own transaction, so no lock is held for long.
 */
@ApplicationScoped
public class Housekeeping {
    public static final int CHUNK = 5_000;
    static final Duration DELIVERIES = Duration.ofDays(90);
    static final Duration FAILURES = Duration.ofDays(7);
    static final Duration THROTTLE = Duration.ofDays(1);
    static final Duration SESSIONS = Duration.ofMinutes(30);

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int idempotencyRecords(Instant now) {
        return delete("DELETE FROM idempotency_record WHERE expires_at < ?1", now);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int webhookDeliveries(Instant now) {
        return delete("DELETE FROM webhook_delivery WHERE received_at < ?1", now.minus(DELIVERIES));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int failureEvents(Instant now) {
        return delete("DELETE FROM failure_event WHERE occurred_at < ?1", now.minus(FAILURES));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int throttleWindows(Instant now) {
        return delete("DELETE FROM throttle WHERE window_start < ?1", now.minus(THROTTLE));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int sessions(Instant now) {
        return delete("DELETE FROM login_session WHERE last_seen_at < ?1", now.minus(SESSIONS));
    }

    private int delete(String sql, Instant before) {
        return em.createNativeQuery(sql + " LIMIT " + CHUNK)
                .setParameter(1, before)
                .executeUpdate();
    }
}
