package com.twork.points.ledger.boundary;

import com.twork.points.platform.boundary.ApplicationFailure;

/** Self-referral, or a referred member that does not exist. */
public class InvalidReferralException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;

    public InvalidReferralException(String message) {
        super(message);
    }
}
