package com.twork.points.security.boundary;

import com.twork.points.platform.boundary.ApplicationFailure;

/** Too many failures (or requests) in the current window; {@code retryAfterSeconds} until it ends. */
public class TooManyRequestsException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    public TooManyRequestsException(long retryAfterSeconds) {
        super("Too many requests. Please wait before trying again.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
