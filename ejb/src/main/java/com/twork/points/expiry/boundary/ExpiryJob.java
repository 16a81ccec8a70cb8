package com.twork.points.expiry.boundary;

import com.twork.points.expiry.control.ExpirySweeper;
import com.twork.points.platform.control.JobSchedule;
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
 * Expires due lots every {@code expiry_interval_minutes} (SPEC §6.1). The timer only ticks (non-persistent:
 * nothing about it needs to survive a restart); the cadence comes from the settings and the right to run from
 * the database's job schedule, so a changed cadence applies at once and two instances never sweep in the same
 * period (if they did, SKIP LOCKED would still keep them apart).
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExpiryJob {
    static final String NAME = "expiry";
    private static final Logger LOG = Logger.getLogger(ExpiryJob.class.getName());

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "twork.jobs.tick-seconds", defaultValue = "30")
    long tickSeconds;

    @Inject
    JobSchedule schedule;

    @Inject
    ExpirySweeper sweeper;

    @Inject
    SettingsCache settings;

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
                schedule.finished(NAME, Instant.now(), sweeper.sweep().toString());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The expiry sweep failed; it runs again at its next turn", e);
            schedule.finished(NAME, Instant.now(), "failed: " + e.getMessage());
        }
    }
}
