package com.twork.points.sync.boundary;

import com.twork.points.platform.boundary.ApplicationFailure;

/** An item failed for a reason that is not the caller's (logged in full); the rest of the batch went on. */
public class ItemFailedException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;

    public ItemFailedException() {
        super("This item could not be processed; it was not applied. Retry it later.");
    }
}
