package com.twork.points.ledger.boundary;

import com.twork.points.platform.boundary.ApplicationFailure;

/** The member's birthday is on file and today is outside the allowed window around it. */
public class NotBirthdayException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;

    public NotBirthdayException() {
        super("Today is not within the birthday window of this member");
    }
}
