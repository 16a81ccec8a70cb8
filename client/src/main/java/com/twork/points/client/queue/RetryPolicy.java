package com.twork.points.client.queue;

import com.twork.points.client.ConflictException;
import com.twork.points.client.PointsApiException;
import com.twork.points.client.PointsClientException;
import com.twork.points.client.PointsProtocolException;
import com.twork.points.client.PointsUnreachableException;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When the queue tries again and when it gives up.
 *
 * <p>Only failures that say nothing about the request are retried: no answer (network), an unreadable answer, 5xx,
 * and 429 (after at least its {@code Retry-After}); plus 409 {@code idempotency_key_in_progress}, which is the
 * queue's own earlier attempt still running on the server. Every other 4xx is the server's decision about the
 * request and goes to the dead-letter list at once: repeating it could only repeat the refusal.
 *
 * <p>The delay after the n-th consecutive failure is "full jitter": uniformly random between 0 and
 * {@code min(maxDelay, baseDelay * 2^(n-1))}, so many clients that lost the server together do not return together.
 *
 * @param maxAttempts after this many failed attempts of one transaction it moves to the dead-letter list
 */
public record RetryPolicy(Duration baseDelay, Duration maxDelay, int maxAttempts) {

    public RetryPolicy {
        if (baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 < baseDelay <= maxDelay");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** 1 s doubling up to 5 minutes; a transaction is given up (dead-lettered, never dropped) after 10 attempts. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 10);
    }

    /** Whether the failed request may be sent again as it is. */
    public static boolean isRetryable(PointsClientException failure) {
        if (failure instanceof PointsUnreachableException || failure instanceof PointsProtocolException) {
            return true;
        }
        if (failure instanceof PointsApiException api) {
            return api.status() >= 500
                    || api.status() == 429
                    || (failure instanceof ConflictException && "idempotency_key_in_progress".equals(api.code()));
        }
        return false;
    }

    /** The upper bound of the delay after {@code failures} consecutive failures (1 = the first). */
    public Duration ceiling(int failures) {
        Duration ceiling = baseDelay;
        for (int i = 1; i < failures && ceiling.compareTo(maxDelay) < 0; i++) {
            ceiling = ceiling.multipliedBy(2);
        }
        return ceiling.compareTo(maxDelay) > 0 ? maxDelay : ceiling;
    }

    /** The full-jitter delay after {@code failures} consecutive failures, never shorter than the server asked. */
    public Duration delay(int failures, Optional<Duration> retryAfter, RandomGenerator random) {
        long ceilingMillis = ceiling(Math.max(1, failures)).toMillis();
        Duration jittered = Duration.ofMillis(random.nextLong(ceilingMillis + 1));
        return retryAfter.filter(asked -> asked.compareTo(jittered) > 0).orElse(jittered);
    }
}
