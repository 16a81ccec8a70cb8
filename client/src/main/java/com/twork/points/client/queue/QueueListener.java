package com.twork.points.client.queue;

import com.twork.points.client.PointsClientException;
import com.twork.points.client.SyncStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Telemetry hooks of the {@link OfflineQueue}: every transaction that reached the ledger, every failed attempt,
 * every backoff and every transaction moved to the dead-letter list, each with the attempt number and a sentence
 * fit to show the user. Called on the thread that replayed, after the queue file was written; a listener that
 * throws is logged and otherwise ignored. Every method does nothing by default.
 */
public interface QueueListener {

    default void onSuccess(Synced event) {}

    default void onFailure(AttemptFailed event) {}

    default void onBackoff(BackoffScheduled event) {}

    default void onDeadLetter(DeadLettered event) {}

    /**
     * A transaction is in the ledger: written now ({@link SyncStatus#APPLIED}) or found there already
     * ({@link SyncStatus#DUPLICATE}: an earlier attempt got through, or it was posted another way).
     */
    record Synced(
            QueuedTransaction transaction, SyncStatus status, long transactionId, int attempt, String userMessage) {}

    /**
     * A batch could not be sent or was refused as a whole.
     *
     * @param willRetry false when the failure was a rejection: the batch goes to the dead-letter list
     */
    record AttemptFailed(
            List<QueuedTransaction> batch,
            int attempt,
            PointsClientException error,
            boolean willRetry,
            String userMessage) {
        public AttemptFailed {
            batch = List.copyOf(batch);
        }
    }

    /** The queue waits before its next attempt; {@code retryAfter} is what the server asked for, if it did. */
    record BackoffScheduled(
            Duration delay,
            Instant nextAttemptAt,
            int consecutiveFailures,
            Optional<Duration> retryAfter,
            String userMessage) {}

    /** A transaction moved to the dead-letter list. */
    record DeadLettered(DeadLetter deadLetter, String userMessage) {}
}
