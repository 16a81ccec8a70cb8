package com.twork.points.ops.boundary;

import com.twork.points.ops.control.FailureAlerts;
import com.twork.points.ops.control.Reconciliation;
import com.twork.points.platform.boundary.ScheduledJob;
import com.twork.points.platform.control.AppClock;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * Hourly: checks the §2 invariant for every member; drift is reported through the failure alert and the job's
 * result, and repaired only by staff.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReconciliationJob extends ScheduledJob {
    @Inject
    Reconciliation reconciliation;

    @Inject
    FailureAlerts failures;

    @Inject
    AppClock clock;

    @Override
    protected String name() {
        return "reconciliation";
    }

    @Override
    protected Duration every() {
        return Duration.ofHours(1);
    }

    @Override
    protected String run() {
        List<Reconciliation.Drift> drifts = reconciliation.drifts(100);
        if (drifts.isEmpty()) {
            return "all balances agree with their ledgers";
        }
        String detail = "balance drift for " + drifts.size() + " member(s), first: " + drifts.get(0);
        failures.record("reconciliation", detail, clock.now());
        return detail;
    }
}
