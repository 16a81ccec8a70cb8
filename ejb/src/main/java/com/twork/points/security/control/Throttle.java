package com.twork.points.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Fixed-window counters in the database, so every instance counts the same hits: auth failures per client,
 * login attempts per account, requests per key. Hits are written in their own transaction, because the request
 * that failed rolls its own back.
 */
@ApplicationScoped
public class Throttle {
    @PersistenceContext
    EntityManager em;

    /** The window a moment falls in, and when it ends. */
    public record Window(Instant start, Instant end) {
        static Window of(Instant now, Duration length) {
            long size = length.toSeconds();
            long start = Math.floorDiv(now.getEpochSecond(), size) * size;
            return new Window(Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + size));
        }

        /** Whole seconds until the window ends (at least 1), for {@code Retry-After}. */
        public long secondsLeft(Instant now) {
            return Math.max(1, Duration.between(now, end).toSeconds());
        }
    }

    public Window window(Instant now, Duration length) {
        return Window.of(now, length);
    }

    /** Hits so far in the current window. */
    public int hits(String bucket, Instant now, Duration length) {
        List<?> rows = em.createNativeQuery("SELECT hits FROM throttle WHERE bucket = ?1 AND window_start = ?2")
                .setParameter(1, bucket)
                .setParameter(2, Window.of(now, length).start())
                .getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }

    /** Counts one more hit and returns the new total for the window. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int hit(String bucket, Instant now, Duration length) {
        Instant start = Window.of(now, length).start();
        em.createNativeQuery("INSERT INTO throttle (bucket, window_start, hits) VALUES (?1, ?2, 1)"
                        + " ON DUPLICATE KEY UPDATE hits = hits + 1")
                .setParameter(1, bucket)
                .setParameter(2, start)
                .executeUpdate();
        return hits(bucket, now, length);
    }
}
