package com.twork.points.client.queue;

import java.util.concurrent.atomic.AtomicLong;

/** The queue's running totals since it was opened: {@link QueueCounters} without the current list sizes. */
final class QueueTotals {
    final AtomicLong enqueued = new AtomicLong();
    final AtomicLong alreadyQueued = new AtomicLong();
    final AtomicLong applied = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong batchesSent = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicLong backoffs = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong discarded = new AtomicLong();

    QueueCounters with(QueueState state) {
        return new QueueCounters(
                enqueued.get(),
                alreadyQueued.get(),
                applied.get(),
                duplicates.get(),
                batchesSent.get(),
                failures.get(),
                backoffs.get(),
                deadLettered.get(),
                retried.get(),
                discarded.get(),
                state.pending().size(),
                state.deadLetters().size());
    }
}
