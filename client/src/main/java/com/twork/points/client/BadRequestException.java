package com.twork.points.client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** HTTP 400, 413, 415 or 422: the request itself was refused (route, body, fields, idempotency key reuse). */
public class BadRequestException extends PointsApiException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(
            int status,
            String code,
            String message,
            Map<String, Object> data,
            Optional<Duration> retryAfter,
            Optional<String> requestId) {
        super(status, code, message, data, retryAfter, requestId);
    }
}
