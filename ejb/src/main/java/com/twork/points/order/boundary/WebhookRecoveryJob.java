package com.twork.points.order.boundary;

import com.twork.points.platform.boundary.ScheduledJob;
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
 * Every minute: applies webhook deliveries that were recorded and then left unapplied by an instance that stopped
 * (decision 107). A minute bounds how long a recorded order waits after a crash, at the cost of one indexed query
 * that usually finds nothing.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookRecoveryJob extends ScheduledJob {
    private static final int BATCH = 100;

    @Inject
    WebhookService webhooks;

    @Override
    protected String name() {
        return "webhook_recovery";
    }

    @Override
    protected Duration every() {
        return Duration.ofMinutes(1);
    }

    @Override
    protected String run() {
        int recovered = webhooks.recoverUnfinished(BATCH);
        return recovered == 0 ? "no delivery left unapplied" : recovered + " delivery(ies) left unapplied, applied now";
    }
}
