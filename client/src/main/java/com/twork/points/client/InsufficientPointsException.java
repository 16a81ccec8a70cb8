package com.twork.points.client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** 400 {@code insufficient_points}: the balance does not cover the redemption; nothing was written. */
public class InsufficientPointsException extends BadRequestException {
    private static final long serialVersionUID = 1L;

    public InsufficientPointsException(
            int status,
            String code,
            String message,
            Map<String, Object> data,
            Optional<Duration> retryAfter,
            Optional<String> requestId) {
        super(status, code, message, data, retryAfter, requestId);
    }

    /** The member's balance when the redemption was refused. */
    public long currentBalance() {
        return number("current_balance");
    }

    /** The points the redemption asked for. */
    public long required() {
        return number("required");
    }

    private long number(String name) {
        return data().get(name) instanceof Number value ? value.longValue() : 0;
    }
}
