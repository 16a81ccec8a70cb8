package com.twork.points.client.queue;

import java.lang.System.Logger.Level;

/**
 * Logs the queue's events through {@link System.Logger} (which goes to java.util.logging, or to SLF4J/Log4j when
 * the application bridges it): successes at DEBUG, failures and backoffs at INFO, dead letters at WARNING. Logs ids,
 * codes and attempts, never descriptions, order ids or credentials.
 *
 * <pre>{@code
 * OfflineQueue queue = OfflineQueue.builder(client, file, key)
 *         .listener(new LoggingQueueListener(System.getLogger("points.queue")))
 *         .open();
 * }</pre>
 */
public final class LoggingQueueListener implements QueueListener {
    private final System.Logger logger;

    public LoggingQueueListener(System.Logger logger) {
        this.logger = logger;
    }

    @Override
    public void onSuccess(Synced event) {
        logger.log(
                Level.DEBUG,
                "Queued transaction {0} synced ({1}, server id {2}) at attempt {3}",
                event.transaction().id(),
                event.status().wire(),
                event.transactionId(),
                event.attempt());
    }

    @Override
    public void onFailure(AttemptFailed event) {
        logger.log(
                Level.INFO,
                "Sync of {0} queued transaction(s) failed at attempt {1} ({2}): {3}",
                event.batch().size(),
                event.attempt(),
                event.willRetry() ? "will retry" : "rejected",
                event.error().toString());
    }

    @Override
    public void onBackoff(BackoffScheduled event) {
        logger.log(
                Level.INFO,
                "Offline queue backs off for {0} ms after {1} failure(s){2}",
                event.delay().toMillis(),
                event.consecutiveFailures(),
                event.retryAfter()
                        .map(asked -> " (server asked for " + asked.toSeconds() + " s)")
                        .orElse(""));
    }

    @Override
    public void onDeadLetter(DeadLettered event) {
        logger.log(
                Level.WARNING,
                "Queued transaction {0} moved to the dead-letter list after {1} attempt(s): {2}",
                event.deadLetter().id(),
                event.deadLetter().attempts(),
                event.deadLetter().code());
    }
}
