package com.twork.points.ops.control;

import com.twork.points.platform.control.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Failures of point processing (not business rejections), counted in the database so every instance sees the
 * same rolling hour. Recorded in their own transaction: the failed work rolled its own back.
 */
@ApplicationScoped
public class FailureAlerts {
    static final Duration WINDOW = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(FailureAlerts.class.getName());

    @PersistenceContext
    EntityManager em;

    /** What the alert shows: failures in the last hour since the last dismissal, and the newest one. */
    public record Summary(long count, Optional<String> lastError, Optional<Instant> lastAt) {}

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String kind, String detail, Instant now) {
        String text = detail == null ? kind : detail;
        em.createNativeQuery("INSERT INTO failure_event (occurred_at, kind, detail) VALUES (?1, ?2, ?3)")
                .setParameter(1, now)
                .setParameter(2, kind)
                .setParameter(3, text.length() > 1000 ? text.substring(0, 1000) : text)
                .executeUpdate();
        LOG.warning(() -> "Failure recorded (" + kind + "): " + text);
    }

    /**
     * Failures in the rolling hour and the newest one; nothing while the newest failure is older than the last
     * dismissal (a dismissal lasts until a new failure arrives).
     */
    public Summary summary(Instant now) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT COUNT(*), MAX(f.occurred_at), MAX(s.dismissed_at)"
                        + " FROM alert_state s LEFT JOIN failure_event f ON f.occurred_at > ?1 WHERE s.id = 1")
                .setParameter(1, now.minus(WINDOW))
                .getSingleResult();
        long count = ((Number) row[0]).longValue();
        if (count == 0 || row[1] == null) {
            return new Summary(0, Optional.empty(), Optional.empty());
        }
        Instant last = Times.instant(row[1]);
        if (row[2] != null && !Times.instant(row[2]).isBefore(last)) {
            return new Summary(0, Optional.empty(), Optional.empty());
        }
        String detail = (String)
                em.createNativeQuery("SELECT detail FROM failure_event ORDER BY occurred_at DESC, id DESC LIMIT 1")
                        .getSingleResult();
        return new Summary(count, Optional.of(detail), Optional.of(last));
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void dismiss(String by, Instant now) {
        em.createNativeQuery("UPDATE alert_state SET dismissed_at = ?1, dismissed_by = ?2 WHERE id = 1")
                .setParameter(1, now)
                .setParameter(2, by)
                .executeUpdate();
    }
}
