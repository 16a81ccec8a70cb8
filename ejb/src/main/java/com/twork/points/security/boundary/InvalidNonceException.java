package com.twork.points.security.boundary;

import com.twork.points.platform.boundary.ApplicationFailure;

/** A session cookie came with a wrong or expired X-WP-Nonce. */
public class InvalidNonceException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;

    public InvalidNonceException() {
        super("Security check failed");
    }
}
