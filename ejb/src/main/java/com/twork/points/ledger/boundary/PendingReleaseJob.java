package com.twork.points.ledger.boundary;

import com.twork.points.ledger.control.PendingRelease;
import com.twork.points.platform.control.AppClock;
import com.twork.points.platform.control.JobSchedule;
import com.twork.points.platform.control.TransientFailures;
import com.twork.points.setting.control.SettingKey;
import com.twork.points.setting.control.SettingsCache;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes held order awards spendable when their {@code release_at} passes. Same cadence as expiry (a held award
 * is released at most one interval late), same database-guarded schedule.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PendingReleaseJob {
    static final String NAME = "pending_release";
    private static final Logger LOG = Logger.getLogger(PendingReleaseJob.class.getName());

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "twork.jobs.tick-seconds", defaultValue = "30")
    long tickSeconds;

    @Inject
    JobSchedule schedule;

    @Inject
    PendingRelease release;

    @Inject
    SettingsCache settings;

    @Inject
    AppClock clock;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(tickSeconds * 1000, tickSeconds * 1000, new TimerConfig(NAME, false));
    }

    /** The cadence is wall-clock time; what is due is decided by the application clock inside the run. */
    @Timeout
    void tick() {
        Instant now = Instant.now();
        Duration every = Duration.ofMinutes(settings.current().integer(SettingKey.EXPIRY_INTERVAL_MINUTES));
        try {
            if (schedule.claim(NAME, now, every)) {
                int total = 0;
                int released;
                do {
                    released = TransientFailures.retry(() -> release.releaseBatch(clock.now()));
                    total += released;
                } while (released > 0);
                schedule.finished(NAME, Instant.now(), total + " award(s) released");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Releasing pending awards failed; it runs again at its next turn", e);
            schedule.finished(NAME, Instant.now(), "failed: " + e.getMessage());
        }
    }
}
