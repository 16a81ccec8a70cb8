package com.twork.points.client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** HTTP 403: valid credentials without the right (rest_forbidden_permission, rest_forbidden_user), a bad nonce (rest_invalid_nonce) or an inactive member (rest_user_inactive). */
public class ForbiddenException extends PointsApiException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(
            int status,
            String code,
            String message,
            Map<String, Object> data,
            Optional<Duration> retryAfter,
            Optional<String> requestId) {
        super(status, code, message, data, retryAfter, requestId);
    }
}
