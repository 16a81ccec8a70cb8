package com.twork.points.client.queue;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A transaction the queue stopped sending: the server rejected it (its {@code code} and {@code message}, e.g.
 * {@code insufficient_points}) or it failed {@code attempts} times without an answer ({@code code}
 * {@value #RETRY_CEILING_REACHED}). It stays here until the caller retries or discards it.
 *
 * @param httpStatus the status of a whole-request rejection; empty for an item the server rejected inside a
 *     successful sync answer, and for the retry ceiling
 * @param data the error envelope's {@code data} of a whole-request rejection (e.g. {@code current_balance})
 */
public record DeadLetter(
        QueuedTransaction transaction,
        Instant queuedAt,
        String code,
        String message,
        OptionalInt httpStatus,
        Map<String, Object> data,
        int attempts,
        Instant deadLetteredAt) {
    public static final String RETRY_CEILING_REACHED = "retry_ceiling_reached";

    public DeadLetter {
        data = Map.copyOf(data);
    }

    public String id() {
        return transaction.id();
    }
}
