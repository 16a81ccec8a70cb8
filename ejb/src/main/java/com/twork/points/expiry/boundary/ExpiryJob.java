package com.twork.points.expiry.boundary;

import com.twork.points.expiry.control.ExpirySweeper;
import com.twork.points.platform.boundary.ScheduledJob;
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
 * Expires due lots every {@code expiry_interval_minutes} (SPEC §6.1); two instances never sweep in the same
 * period, and if they did, SKIP LOCKED would still keep them apart.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExpiryJob extends ScheduledJob {
    @Inject
    ExpirySweeper sweeper;

    @Inject
    SettingsCache settings;

    @Override
    protected String name() {
        return "expiry";
    }

    @Override
    protected Duration every() {
        return Duration.ofMinutes(settings.current().integer(SettingKey.EXPIRY_INTERVAL_MINUTES));
    }

    @Override
    protected String run() {
        return sweeper.sweep().toString();
    }
}
