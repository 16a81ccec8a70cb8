package com.twork.points.ops.boundary;

import com.twork.points.ops.control.Housekeeping;
import com.twork.points.ops.control.JsonLogFiles;
import com.twork.points.platform.boundary.ScheduledJob;
import com.twork.points.platform.control.AppClock;
import com.twork.points.setting.boundary.Settings;
import com.twork.points.setting.control.SettingKey;
import com.twork.points.setting.control.SettingsCache;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hourly: deletes what each growing table's retention setting says is old (SPEC §9, docs/privacy.md), and the
 * rotated JSON log files of the instance that runs it. Claimed in the database like every job, so one instance runs
 * each hour; log files are per instance, and since every instance's timer competes for the runs, each one prunes its
 * own folder in turn (their number is capped by rotation meanwhile).
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HousekeepingJob extends ScheduledJob {
    @Inject
    Housekeeping housekeeping;

    @Inject
    SettingsCache settings;

    @Inject
    AppClock clock;

    @Inject
    @ConfigProperty(name = "twork.log.dir", defaultValue = "logs")
    String logFolder;

    @Override
    protected String name() {
        return "housekeeping";
    }

    @Override
    protected Duration every() {
        return Duration.ofHours(1);
    }

    @Override
    protected String run() {
        Instant now = clock.now();
        Settings current = settings.current();
        return "deleted "
                + drain(housekeeping::idempotencyRecords, before(now, current, SettingKey.RETENTION_IDEMPOTENCY_HOURS))
                + " idempotency record(s), "
                + drain(housekeeping::webhookDeliveries, before(now, current, SettingKey.RETENTION_WEBHOOK_DAYS))
                + " webhook delivery(ies), "
                + drain(housekeeping::failureEvents, before(now, current, SettingKey.RETENTION_FAILURE_DAYS))
                + " failure event(s), "
                + drain(housekeeping::throttleWindows, before(now, current, SettingKey.RETENTION_THROTTLE_HOURS))
                + " throttle window(s), "
                + drain(housekeeping::sessions, before(now, current, SettingKey.RETENTION_SESSION_MINUTES))
                + " session(s), "
                + JsonLogFiles.deleteRotatedBefore(
                        Path.of(logFolder).toAbsolutePath(), before(now, current, SettingKey.RETENTION_LOG_DAYS))
                + " log file(s)";
    }

    /** The cutoff of a retention setting: its unit is the last word of its name (minutes, hours or days). */
    static Instant before(Instant now, Settings settings, SettingKey retention) {
        long amount = settings.integer(retention);
        String key = retention.key();
        Duration keep = key.endsWith("_minutes")
                ? Duration.ofMinutes(amount)
                : key.endsWith("_hours") ? Duration.ofHours(amount) : Duration.ofDays(amount);
        return now.minus(keep);
    }

    private static long drain(Function<Instant, Integer> chunk, Instant before) {
        long total = 0;
        int deleted;
        do {
            deleted = chunk.apply(before);
            total += deleted;
        } while (deleted == Housekeeping.CHUNK);
        return total;
    }
}
