package com.twork.points.expiry.control;

import com.twork.points.platform.control.AppClock;
import com.twork.points.platform.control.TransientFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    public SweepResult sweep() {
        SweepResult total = SweepResult.NONE;
        while (true) {
            SweepResult one = TransientFailures.retry(() -> batch.run(clock.now()));
            if (one.members() == 0) {
                return total;
            }
            total = total.plus(one);
        }
    }
}
