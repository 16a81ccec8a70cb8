package com.twork.points.ops.boundary;

import com.twork.points.ops.control.FailureAlerts;
import com.twork.points.ops.control.Housekeeping;
import com.twork.points.ops.control.Reconciliation;
import com.twork.points.platform.control.AppClock;
import com.twork.points.platform.control.JobSchedule;
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
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Housekeeping (hourly: delete what each table's rule says is old) and reconciliation (hourly: check the §2
 * invariant for every member; drift is reported through the failure alert and repaired only by staff). Same
 * database-guarded schedule as the other jobs.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OperationsJobs {
    static final String HOUSEKEEPING = "housekeeping";
    static final String RECONCILIATION = "reconciliation";
    static final Duration EVERY = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(OperationsJobs.class.getName());

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "twork.jobs.tick-seconds", defaultValue = "30")
    long tickSeconds;

    @Inject
    JobSchedule schedule;

    @Inject
    Housekeeping housekeeping;

    @Inject
    Reconciliation reconciliation;

    @Inject
    FailureAlerts failures;

    @Inject
    AppClock clock;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(tickSeconds * 1000, tickSeconds * 1000, new TimerConfig("operations", false));
    }

    @Timeout
    void tick() {
        run(HOUSEKEEPING, now -> houseKeep());
        run(RECONCILIATION, now -> reconcile());
    }

    private void run(String job, Function<Instant, String> work) {
        Instant now = Instant.now();
        try {
            if (schedule.claim(job, now, EVERY)) {
                schedule.finished(job, Instant.now(), work.apply(now));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Job " + job + " failed; it runs again at its next turn", e);
            schedule.finished(job, Instant.now(), "failed: " + e.getMessage());
        }
    }

    private String houseKeep() {
        Instant now = clock.now();
        long idempotency = drain(housekeeping::idempotencyRecords, now);
        long deliveries = drain(housekeeping::webhookDeliveries, now);
        long failureEvents = drain(housekeeping::failureEvents, now);
        long throttle = drain(housekeeping::throttleWindows, now);
        long sessions = drain(housekeeping::sessions, now);
        return "deleted " + idempotency + " idempotency record(s), " + deliveries + " webhook delivery(ies), "
                + failureEvents + " failure event(s), " + throttle + " throttle window(s), " + sessions
                + " session(s)";
    }

    private String reconcile() {
        List<Reconciliation.Drift> drifts = reconciliation.drifts(100);
        if (drifts.isEmpty()) {
            return "all balances agree with their ledgers";
        }
        String detail = "balance drift for " + drifts.size() + " member(s), first: " + drifts.get(0);
        failures.record("reconciliation", detail, clock.now());
        return detail;
    }

    private static long drain(Function<Instant, Integer> chunk, Instant now) {
        long total = 0;
        int deleted;
        do {
            deleted = chunk.apply(now);
            total += deleted;
        } while (deleted == Housekeeping.CHUNK);
        return total;
    }
}
