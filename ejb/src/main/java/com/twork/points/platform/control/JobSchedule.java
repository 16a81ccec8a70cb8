package com.twork.points.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * Who runs a scheduled job now: every instance's timer asks, and only the one whose update moves
 * {@code next_run_at} forward gets it. The schedule lives in the database, so several instances never run the
 * same job twice in one period and a cadence change takes effect at the next run.
 */
@ApplicationScoped
public class JobSchedule {
    @PersistenceContext
    EntityManager em;

    /** True when this call claimed the run that was due at {@code now}; the next one is {@code every} later. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String job, Instant now, Duration every) {
        return em.createNativeQuery("UPDATE job_schedule SET next_run_at = ?2, last_started_at = ?3"
                                + " WHERE name = ?1 AND next_run_at <= ?3")
                        .setParameter(1, job)
                        .setParameter(2, now.plus(every))
                        .setParameter(3, now)
                        .executeUpdate()
                == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finished(String job, Instant now, String result) {
        em.createNativeQuery("UPDATE job_schedule SET last_finished_at = ?2, last_result = ?3 WHERE name = ?1")
                .setParameter(1, job)
                .setParameter(2, now)
                .setParameter(3, result.length() > 1000 ? result.substring(0, 1000) : result)
                .executeUpdate();
    }
}
