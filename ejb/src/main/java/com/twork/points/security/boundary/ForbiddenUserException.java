package com.twork.points.security.boundary;

import com.twork.points.platform.boundary.ApplicationFailure;

/** A customer asked about or acted for another member. */
public class ForbiddenUserException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;

    public ForbiddenUserException() {
        super("Sorry, you are not allowed to do that for this user.");
    }
}
