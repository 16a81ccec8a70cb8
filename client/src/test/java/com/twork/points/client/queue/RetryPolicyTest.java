package com.twork.points.client.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.client.PointsApiException;
import com.twork.points.client.PointsProtocolException;
import com.twork.points.client.PointsUnreachableException;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 5);

    @Test
    void theCeilingDoublesFromTheBaseUpToTheCap() {
        assertEquals(Duration.ofSeconds(1), policy.ceiling(1));
        assertEquals(Duration.ofSeconds(2), policy.ceiling(2));
        assertEquals(Duration.ofSeconds(4), policy.ceiling(3));
        assertEquals(Duration.ofSeconds(32), policy.ceiling(6));
        assertEquals(Duration.ofSeconds(60), policy.ceiling(7));
        assertEquals(Duration.ofSeconds(60), policy.ceiling(10_000));
    }

    @Test
    void fullJitterSpreadsDelaysOverTheWholeRangeAndIsRepeatableWithASeed() {
        Random random = new Random(42);
        Set<Long> seconds = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            Duration delay = policy.delay(4, Optional.empty(), random);
            assertTrue(!delay.isNegative() && delay.compareTo(Duration.ofSeconds(8)) <= 0, delay.toString());
            seconds.add(delay.toSeconds());
        }
        // Whole seconds 0 to 7 (8 s itself is one millisecond among 8,001): the whole range, not only near the top.
        assertEquals(Set.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), seconds);

        Random one = new Random(7);
        Random two = new Random(7);
        for (int failures = 1; failures < 12; failures++) {
            assertEquals(policy.delay(failures, Optional.empty(), one), policy.delay(failures, Optional.empty(), two));
        }
    }

    @Test
    void retryAfterIsAFloorNotACeiling() {
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            Duration delay = policy.delay(1, Optional.of(Duration.ofSeconds(30)), random);
            assertEquals(Duration.ofSeconds(30), delay);
        }
        Duration longBackoff = policy.delay(20, Optional.of(Duration.ofMillis(1)), new Random(3));
        assertTrue(longBackoff.compareTo(Duration.ofMillis(1)) >= 0);
    }

    @Test
    void onlyNetworkFailures5xx429AndOwnInProgressKeysAreRetried() {
        assertTrue(RetryPolicy.isRetryable(new PointsUnreachableException("refused", new IOException())));
        assertTrue(RetryPolicy.isRetryable(new PointsProtocolException(200, "cut off", null)));
        for (int status : new int[] {500, 502, 503, 504}) {
            assertTrue(RetryPolicy.isRetryable(api(status, "service_unavailable")), "HTTP " + status);
        }
        assertTrue(RetryPolicy.isRetryable(api(429, "rest_too_many_requests")));
        assertTrue(RetryPolicy.isRetryable(api(409, "idempotency_key_in_progress")));

        assertFalse(RetryPolicy.isRetryable(api(400, "invalid_params")));
        assertFalse(RetryPolicy.isRetryable(api(400, "insufficient_points")));
        assertFalse(RetryPolicy.isRetryable(api(401, "rest_forbidden")));
        assertFalse(RetryPolicy.isRetryable(api(403, "rest_user_inactive")));
        assertFalse(RetryPolicy.isRetryable(api(404, "rest_invalid_user")));
        assertFalse(RetryPolicy.isRetryable(api(409, "duplicate_transaction")));
        assertFalse(RetryPolicy.isRetryable(api(413, "rest_payload_too_large")));
        assertFalse(RetryPolicy.isRetryable(api(422, "idempotency_key_reused")));
    }

    private static PointsApiException api(int status, String code) {
        return PointsApiException.of(
                status, code, "message", Map.of("status", (long) status), Optional.empty(), Optional.empty());
    }
}
