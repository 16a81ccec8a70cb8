package com.twork.points.client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** HTTP 5xx: the server failed (internal_error) or is briefly unavailable (service_unavailable); safe to repeat with the same Idempotency-Key. */
public class ServerErrorException extends PointsApiException {
    private static final long serialVersionUID = 1L;

    public ServerErrorException(
            int status,
            String code,
            String message,
            Map<String, Object> data,
            Optional<Duration> retryAfter,
            Optional<String> requestId) {
        super(status, code, message, data, retryAfter, requestId);
    }
}
