package com.twork.points.client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** HTTP 429: too many failed authentications; see retryAfter(). */
public class TooManyRequestsException extends PointsApiException {
    private static final long serialVersionUID = 1L;

    public TooManyRequestsException(
            int status,
            String code,
            String message,
            Map<String, Object> data,
            Optional<Duration> retryAfter,
            Optional<String> requestId) {
        super(status, code, message, data, retryAfter, requestId);
    }
}
