package com.twork.points.client.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the queue file holds, immutable: a change is a new state that is written before it replaces the old
 * one, so memory never runs ahead of the disk.
 *
 * @param consecutiveFailures failed attempts in a row, the exponent of the backoff
 * @param nextAttemptAt the end of the current backoff
 * @param notBefore the end of a server's {@code Retry-After}, honoured even by an explicit replay
 */
record QueueState(
        List<Entry> pending,
        List<DeadLetter> deadLetters,
        int consecutiveFailures,
        Optional<Instant> nextAttemptAt,
        Optional<Instant> notBefore) {

    static final QueueState EMPTY = new QueueState(List.of(), List.of(), 0, Optional.empty(), Optional.empty());

    QueueState {
        pending = List.copyOf(pending);
        deadLetters = List.copyOf(deadLetters);
    }

    /**
     * A waiting transaction and what the queue knows about sending it.
     *
     * @param batchKey the {@code Idempotency-Key} of the batch it was last sent in, until that batch is settled:
     *     a retry resends exactly that batch with that key
     */
    record Entry(
            QueuedTransaction transaction,
            Instant queuedAt,
            int attempts,
            Optional<String> batchKey,
            Optional<String> lastError) {

        String id() {
            return transaction.id();
        }

        Entry inBatch(String key) {
            return new Entry(transaction, queuedAt, attempts, Optional.of(key), lastError);
        }

        Entry failed(String error) {
            return new Entry(transaction, queuedAt, attempts + 1, batchKey, Optional.of(error));
        }

        Entry outOfBatch() {
            return new Entry(transaction, queuedAt, attempts, Optional.empty(), lastError);
        }
    }

    boolean holds(String id) {
        return pending.stream().anyMatch(entry -> entry.id().equals(id));
    }

    boolean holdsDeadLetter(String id) {
        return deadLetters.stream().anyMatch(letter -> letter.id().equals(id));
    }

    QueueState withPending(List<Entry> entries) {
        return new QueueState(entries, deadLetters, consecutiveFailures, nextAttemptAt, notBefore);
    }

    QueueState withDeadLetters(List<DeadLetter> letters) {
        return new QueueState(pending, letters, consecutiveFailures, nextAttemptAt, notBefore);
    }

    QueueState withBackoff(int failures, Optional<Instant> next, Optional<Instant> serverNotBefore) {
        return new QueueState(pending, deadLetters, failures, next, serverNotBefore);
    }
}
