package com.twork.points.security.boundary;

import com.twork.points.platform.boundary.ApplicationFailure;

/** The caller is known but its key lacks the permission the operation needs. */
public class PermissionDeniedException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;

    public PermissionDeniedException() {
        super("Sorry, you are not allowed to do that.");
    }
}
