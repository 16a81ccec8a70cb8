package com.twork.points.platform.boundary;

/** The database stayed busy (deadlocks, lock waits) after every retry; the caller may try again. */
public class TemporarilyUnavailableException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;

    public TemporarilyUnavailableException() {
        super("The service is busy. Please try again in a moment.");
    }
}
