package com.twork.points.client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** HTTP 409: duplicate_transaction (same order, other points) or idempotency_key_in_progress. */
public class ConflictException extends PointsApiException {
    private static final long serialVersionUID = 1L;

    public ConflictException(
            int status,
            String code,
            String message,
            Map<String, Object> data,
            Optional<Duration> retryAfter,
            Optional<String> requestId) {
        super(status, code, message, data, retryAfter, requestId);
    }
}
