package com.twork.points.client.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * When the queue replays by itself: at most one planned run on the scheduler, moved earlier when an earlier one is
 * asked for, none before {@link #start} or after {@link #stop}.
 */
final class ReplaySchedule {
    private static final System.Logger LOG = System.getLogger(ReplaySchedule.class.getName());

    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final Clock clock;

    private final Object lock = new Object();
    private boolean automatic;
    private ScheduledFuture<?> planned;
    private Instant plannedAt;
    private long generation;

    private ReplaySchedule(ScheduledExecutorService scheduler, boolean ownsScheduler, Clock clock) {
        this.scheduler = scheduler;
        this.ownsScheduler = ownsScheduler;
        this.clock = clock;
    }

    /** On the caller's scheduler, or (when {@code given} is null) on a daemon thread of its own. */
    static ReplaySchedule on(ScheduledExecutorService given, Clock clock) {
        if (given != null) {
            return new ReplaySchedule(given, false, clock);
        }
        return new ReplaySchedule(
                Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "twork-points-offline-queue");
                    thread.setDaemon(true);
                    return thread;
                }),
                true,
                clock);
    }

    /** Runs a task on the scheduler now (rejected once the schedule's own scheduler is shut down). */
    void execute(Runnable task) {
        scheduler.execute(task);
    }

    /** From now on {@link #plan} plans runs. */
    void start() {
        synchronized (lock) {
            automatic = true;
        }
    }

    /** Plans {@code run} at {@code when}, unless an earlier run is planned already. */
    void plan(Instant when, Runnable run) {
        synchronized (lock) {
            if (!automatic) {
                return;
            }
            if (planned != null && !planned.isDone() && !plannedAt.isAfter(when)) {
                return; // an earlier run is already planned
            }
            if (planned != null) {
                planned.cancel(false);
            }
            long id = ++generation;
            long delayMillis =
                    Math.max(0, Duration.between(clock.instant(), when).toMillis());
            try {
                planned = scheduler.schedule(
                        () -> {
                            begun(id);
                            run.run();
                        },
                        delayMillis,
                        TimeUnit.MILLISECONDS);
                plannedAt = when;
            } catch (RejectedExecutionException e) {
                LOG.log(System.Logger.Level.DEBUG, "Scheduler shut down; automatic replay stops");
            }
        }
    }

    private void begun(long id) {
        synchronized (lock) {
            if (id == generation) {
                planned = null; // this run is under way: plans made from now on are new ones
            }
        }
    }

    /** Cancels the planned run and plans no more; shuts its own scheduler down (a running replay may finish). */
    void stop() {
        synchronized (lock) {
            automatic = false;
            if (planned != null) {
                planned.cancel(false);
            }
        }
        if (ownsScheduler) {
            scheduler.shutdown();
            try {
                if (!scheduler.awaitTermination(1, TimeUnit.MINUTES)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                scheduler.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
