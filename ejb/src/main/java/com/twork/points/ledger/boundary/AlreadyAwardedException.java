package com.twork.points.ledger.boundary;

import com.twork.points.platform.boundary.ApplicationFailure;

/** The yearly birthday bonus was already paid this (site) year. */
public class AlreadyAwardedException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;

    public AlreadyAwardedException() {
        super("Birthday bonus already awarded this year");
    }
}
