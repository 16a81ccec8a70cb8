package com.twork.points.ledger.boundary;

import com.twork.points.ledger.control.PendingRelease;
import com.twork.points.platform.boundary.ScheduledJob;
import com.twork.points.platform.control.AppClock;
import com.twork.points.platform.control.TransientFailures;
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
import java.time.Duration;

/**
 * Makes held order awards spendable when their {@code release_at} passes. Same cadence as expiry: a held award
 * is released at most one interval late.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PendingReleaseJob extends ScheduledJob {
    @Inject
    PendingRelease release;

    @Inject
    SettingsCache settings;

    @Inject
    AppClock clock;

    @Override
    protected String name() {
        return "pending_release";
    }

    @Override
    protected Duration every() {
        return Duration.ofMinutes(settings.current().integer(SettingKey.EXPIRY_INTERVAL_MINUTES));
    }

    @Override
    protected String run() {
        int total = 0;
        int released;
        do {
            released = TransientFailures.retry(() -> release.releaseBatch(clock.now()));
            total += released;
        } while (released > 0);
        return total + " award(s) released";
    }
}
