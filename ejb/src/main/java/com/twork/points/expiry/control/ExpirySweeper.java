package com.twork.points.expiry.control;

import com.twork.points.ops.control.FailureAlerts;
import com.twork.points.platform.control.AppClock;
import com.twork.points.platform.control.TransientFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs expiry batches until nothing is due or every member still due is held by someone else (another sweep or
 * a live write, which expires that member's lots itself). Each batch commits on its own, so live traffic waits
 * for one batch at most.
 */
@ApplicationScoped
public class ExpirySweeper {
    @Inject
    ExpiryBatch batch;

    @Inject
    AppClock clock;

    @Inject
    FailureAlerts failures;

    private static final Logger LOG = Logger.getLogger(ExpirySweeper.class.getName());

    public SweepResult sweep() {
        SweepResult total = SweepResult.NONE;
        Set<Long> failed = new HashSet<>();
        while (true) {
            SweepResult one;
            try {
                one = TransientFailures.retry(() -> batch.run(clock.now(), failed));
            } catch (RuntimeException batchFailed) {
                // One member's data broke the batch: finish it member by member, set the broken ones aside
                // (alerted) so they never block the sweep again.
                one = memberByMember(failed);
            }
            if (one.members() == 0) {
                return total;
            }
            total = total.plus(one);
        }
    }

    private SweepResult memberByMember(Set<Long> failed) {
        SweepResult done = new SweepResult(1, 0, 0, 0);
        for (long userId : batch.candidates(clock.now(), failed)) {
            try {
                done = done.plus(TransientFailures.retry(() -> batch.runMember(userId, clock.now())));
            } catch (RuntimeException e) {
                failed.add(userId);
                LOG.log(Level.SEVERE, e, () -> "Expiring the lots of member " + userId + " failed");
                failures.record("expiry", "Expiry of member " + userId + " failed: " + e.getMessage(), clock.now());
            }
        }
        // Members set aside count as progress, so the loop goes on with the others.
        return done.members() == 0 && !failed.isEmpty() ? new SweepResult(1, 1, 0, 0) : done;
    }
}
