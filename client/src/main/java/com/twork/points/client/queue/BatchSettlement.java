package com.twork.points.client.queue;

import com.twork.points.client.BadRequestException;
import com.twork.points.client.PointsApiException;
import com.twork.points.client.PointsClientException;
import com.twork.points.client.SyncItemResult;
import com.twork.points.client.SyncStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * What the outcome of sending one batch does to the queue: the state to write next, the events for the listeners
 * (told after the write, outside the lock) and whether the replay goes on. Written and duplicate items leave the
 * queue; the server's rejections become dead letters at once; a retryable failure counts an attempt and backs off
 * ({@link RetryPolicy}), and a transaction at the retry ceiling becomes a dead letter.
 */
final class BatchSettlement {
    private static final String BATCH_TOO_LARGE = "batch_too_large";

    private final RetryPolicy policy;
    private final RandomGenerator random;
    private final List<QueueListener> listeners;
    private final QueueTotals totals;

    BatchSettlement(RetryPolicy policy, RandomGenerator random, List<QueueListener> listeners, QueueTotals totals) {
        this.policy = policy;
        this.random = random;
        this.listeners = listeners;
        this.totals = totals;
    }

    /**
     * @param goOn whether the replay may send the next batch now
     * @param batchSize a smaller batch size from now on, when the server refused the batch as too large
     */
    record Outcome(QueueState next, List<Runnable> events, boolean goOn, OptionalInt batchSize) {}

    /** What one replay did, for its report. */
    static final class Tally {
        int applied;
        int duplicates;
        int deadLettered;
        int failedAttempts;
    }

    /** The server answered item by item. */
    Outcome answered(QueueState state, SyncBatch batch, List<SyncItemResult> results, Instant now, Tally tally) {
        List<Runnable> events = new ArrayList<>();
        Set<String> settled = batch.ids();
        List<DeadLetter> letters = new ArrayList<>(state.deadLetters());
        for (int i = 0; i < results.size(); i++) {
            QueueState.Entry entry = batch.entries().get(i);
            SyncItemResult result = results.get(i);
            int attempt = entry.attempts() + 1;
            if (result.status() == SyncStatus.APPLIED || result.status() == SyncStatus.DUPLICATE) {
                boolean duplicate = result.status() == SyncStatus.DUPLICATE;
                (duplicate ? totals.duplicates : totals.applied).incrementAndGet();
                if (duplicate) {
                    tally.duplicates++;
                } else {
                    tally.applied++;
                }
                QueueListener.Synced event = new QueueListener.Synced(
                        entry.transaction(),
                        result.status(),
                        result.transactionId().orElse(0),
                        attempt,
                        Messages.synced(entry.transaction(), duplicate));
                events.add(() -> listeners.forEach(listener -> listener.onSuccess(event)));
            } else {
                String message = result.message().orElse("Rejected by the server");
                DeadLetter letter = new DeadLetter(
                        entry.transaction(),
                        entry.queuedAt(),
                        result.code().orElse(result.status().wire()),
                        message,
                        OptionalInt.empty(),
                        Map.of(),
                        attempt,
                        now);
                letters.add(letter);
                events.add(deadLetterEvent(letter, Messages.rejected(entry.transaction(), message), tally));
            }
        }
        List<QueueState.Entry> pending = state.pending().stream()
                .filter(entry -> !settled.contains(entry.id()))
                .toList();
        return new Outcome(
                new QueueState(pending, letters, 0, Optional.empty(), Optional.empty()),
                events,
                true,
                OptionalInt.empty());
    }

    /** The attempt failed as a whole: the batch was too large, the server was out of reach, or it refused. */
    Outcome failed(QueueState state, SyncBatch batch, PointsClientException error, Instant now, Tally tally) {
        totals.failures.incrementAndGet();
        List<Runnable> events = new ArrayList<>();
        int attempt = batch.entries().stream()
                        .mapToInt(QueueState.Entry::attempts)
                        .max()
                        .orElse(0)
                + 1;
        List<QueuedTransaction> sent =
                batch.entries().stream().map(QueueState.Entry::transaction).toList();
        if (error instanceof BadRequestException tooLarge
                && BATCH_TOO_LARGE.equals(tooLarge.code())
                && batch.entries().size() > 1) {
            // The server's sync_batch_limit is lower than our batch size: send fewer at a time from now on.
            events.add(failureEvent(sent, attempt, error, true, "Sending fewer transactions at a time."));
            return new Outcome(
                    state.withPending(state.pending().stream()
                            .map(entry -> batch.ids().contains(entry.id()) ? entry.outOfBatch() : entry)
                            .toList()),
                    events,
                    true,
                    OptionalInt.of(Math.max(1, batch.entries().size() / 2)));
        }
        if (RetryPolicy.isRetryable(error)) {
            tally.failedAttempts++;
            return retryLater(state, batch, error, attempt, sent, now, events, tally);
        }
        PointsApiException rejection = (PointsApiException) error;
        List<DeadLetter> letters = new ArrayList<>(state.deadLetters());
        events.add(failureEvent(
                sent, attempt, error, false, Messages.failed(error, attempt, policy.maxAttempts(), false)));
        for (QueueState.Entry entry : batch.entries()) {
            DeadLetter letter = new DeadLetter(
                    entry.transaction(),
                    entry.queuedAt(),
                    rejection.code(),
                    rejection.getMessage(),
                    OptionalInt.of(rejection.status()),
                    rejection.data(),
                    entry.attempts() + 1,
                    now);
            letters.add(letter);
            events.add(deadLetterEvent(letter, Messages.rejected(entry.transaction(), rejection.getMessage()), tally));
        }
        List<QueueState.Entry> pending = state.pending().stream()
                .filter(entry -> !batch.ids().contains(entry.id()))
                .toList();
        // The server answered, so it is reachable: no backoff for the next batch.
        return new Outcome(
                new QueueState(pending, letters, 0, Optional.empty(), Optional.empty()),
                events,
                true,
                OptionalInt.empty());
    }

    /** Counts the attempt, gives up on transactions at the ceiling, and backs off; the replay stops here. */
    private Outcome retryLater(
            QueueState state,
            SyncBatch batch,
            PointsClientException error,
            int attempt,
            List<QueuedTransaction> sent,
            Instant now,
            List<Runnable> events,
            Tally tally) {
        String errorText = error.getMessage();
        List<QueueState.Entry> pending = new ArrayList<>();
        List<DeadLetter> letters = new ArrayList<>(state.deadLetters());
        List<Runnable> ceilingEvents = new ArrayList<>();
        for (QueueState.Entry entry : state.pending()) {
            if (!batch.ids().contains(entry.id())) {
                pending.add(entry);
                continue;
            }
            QueueState.Entry failed = entry.failed(errorText);
            if (failed.attempts() < policy.maxAttempts()) {
                pending.add(failed);
                continue;
            }
            DeadLetter letter = new DeadLetter(
                    failed.transaction(),
                    failed.queuedAt(),
                    DeadLetter.RETRY_CEILING_REACHED,
                    "Gave up after " + failed.attempts() + " attempts; last error: " + errorText,
                    OptionalInt.empty(),
                    error instanceof PointsApiException api ? api.data() : Map.of(),
                    failed.attempts(),
                    now);
            letters.add(letter);
            ceilingEvents.add(deadLetterEvent(letter, Messages.gaveUp(failed.transaction(), failed.attempts()), tally));
        }
        boolean anyLeft = pending.stream().anyMatch(entry -> batch.ids().contains(entry.id()));
        events.add(failureEvent(
                sent, attempt, error, anyLeft, Messages.failed(error, attempt, policy.maxAttempts(), anyLeft)));
        events.addAll(ceilingEvents);

        Optional<Duration> retryAfter = error instanceof PointsApiException api ? api.retryAfter() : Optional.empty();
        int consecutive = state.consecutiveFailures() + 1;
        Duration delay = policy.delay(consecutive, retryAfter, random);
        Instant next = now.plus(delay);
        Optional<Instant> notBefore = retryAfter.map(now::plus);
        if (!pending.isEmpty()) {
            totals.backoffs.incrementAndGet();
            QueueListener.BackoffScheduled event =
                    new QueueListener.BackoffScheduled(delay, next, consecutive, retryAfter, Messages.backoff(delay));
            events.add(() -> listeners.forEach(listener -> listener.onBackoff(event)));
        }
        return new Outcome(
                new QueueState(pending, letters, consecutive, Optional.of(next), notBefore),
                events,
                false,
                OptionalInt.empty());
    }

    private Runnable failureEvent(
            List<QueuedTransaction> sent, int attempt, PointsClientException error, boolean willRetry, String message) {
        QueueListener.AttemptFailed event = new QueueListener.AttemptFailed(sent, attempt, error, willRetry, message);
        return () -> listeners.forEach(listener -> listener.onFailure(event));
    }

    private Runnable deadLetterEvent(DeadLetter letter, String message, Tally tally) {
        totals.deadLettered.incrementAndGet();
        tally.deadLettered++;
        QueueListener.DeadLettered event = new QueueListener.DeadLettered(letter, message);
        return () -> listeners.forEach(listener -> listener.onDeadLetter(event));
    }
}
