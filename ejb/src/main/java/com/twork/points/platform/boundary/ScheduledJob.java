package com.twork.points.platform.boundary;

import com.twork.points.platform.control.JobSchedule;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A job run on a cadence by whichever instance claims it in the database ({@link JobSchedule}). The timer only
 * ticks (non-persistent: nothing about it must survive a restart, and persistent timers would need a cluster
 * store); the cadence comes from {@link #every()} at each tick, so a changed setting applies at once. Subclasses
 * are {@code @Startup @Singleton} beans with bean-managed concurrency and no transaction of their own.
 */
public abstract class ScheduledJob {
    private static final Logger LOG = Logger.getLogger(ScheduledJob.class.getName());

    @Resource
    TimerService timers;

    @Inject
    JobSchedule schedule;

    /** The job's row in {@code job_schedule}. */
    protected abstract String name();

    /** How long after one run the next one is due. */
    protected abstract Duration every();

    /** Does the work; returns a short result for {@code job_schedule.last_result}. */
    protected abstract String run();

    @PostConstruct
    void startTicking() {
        long tick = ConfigProvider.getConfig()
                        .getOptionalValue("twork.jobs.tick-seconds", Long.class)
                        .orElse(30L)
                * 1000;
        timers.createIntervalTimer(tick, tick, new TimerConfig(name(), false));
    }

    /** The cadence is wall-clock time; what is due inside a run is decided by the application clock. */
    @Timeout
    void tick() {
        try {
            if (schedule.claim(name(), Instant.now(), every())) {
                schedule.finished(name(), Instant.now(), run());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, e, () -> "Job " + name() + " failed; it runs again at its next turn");
            schedule.finished(name(), Instant.now(), "failed: " + e.getMessage());
        }
    }
}
