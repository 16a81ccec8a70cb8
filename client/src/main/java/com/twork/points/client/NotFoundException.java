package com.twork.points.client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** HTTP 404: unknown route (rest_no_route) or member (rest_invalid_user). */
public class NotFoundException extends PointsApiException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(
            int status,
            String code,
            String message,
            Map<String, Object> data,
            Optional<Duration> retryAfter,
            Optional<String> requestId) {
        super(status, code, message, data, retryAfter, requestId);
    }
}
