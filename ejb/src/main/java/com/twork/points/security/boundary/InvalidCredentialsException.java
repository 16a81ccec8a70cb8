package com.twork.points.security.boundary;

import com.twork.points.platform.boundary.ApplicationFailure;

/**
 * No, malformed, unknown, wrong or revoked credentials. One message for all of them, so a caller cannot tell
 * which keys exist.
 */
public class InvalidCredentialsException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;
    private final String reason;

    public InvalidCredentialsException(String reason) {
        super("Invalid credentials");
        this.reason = reason;
    }

    /** Why it failed, for logs and metrics only; never sent to the caller. */
    public String reason() {
        return reason;
    }
}
