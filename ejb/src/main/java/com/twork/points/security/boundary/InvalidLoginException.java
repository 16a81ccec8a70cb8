package com.twork.points.security.boundary;

import com.twork.points.platform.boundary.ApplicationFailure;

/** Unknown login, wrong password or disabled account: one answer for all. */
public class InvalidLoginException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;

    public InvalidLoginException() {
        super("Invalid login or password");
    }
}
