package com.twork.points.ops.boundary;

import com.twork.points.ops.control.Housekeeping;
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
import java.time.Instant;
import java.util.function.Function;

/** Hourly: deletes what each growing table's rule says is old (SPEC §9). */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HousekeepingJob extends ScheduledJob {
    @Inject
    Housekeeping housekeeping;

    @Inject
    AppClock clock;

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
        return "deleted " + drain(housekeeping::idempotencyRecords, now) + " idempotency record(s), "
                + drain(housekeeping::webhookDeliveries, now) + " webhook delivery(ies), "
                + drain(housekeeping::failureEvents, now) + " failure event(s), "
                + drain(housekeeping::throttleWindows, now) + " throttle window(s), "
                + drain(housekeeping::sessions, now) + " session(s)";
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
