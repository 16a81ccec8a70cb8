package com.twork.points.client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** HTTP 401: no or invalid credentials (rest_forbidden), or a wrong login (invalid_login). */
public class UnauthorizedException extends PointsApiException {
    private static final long serialVersionUID = 1L;

    public UnauthorizedException(
            int status,
            String code,
            String message,
            Map<String, Object> data,
            Optional<Duration> retryAfter,
            Optional<String> requestId) {
        super(status, code, message, data, retryAfter, requestId);
    }
}
