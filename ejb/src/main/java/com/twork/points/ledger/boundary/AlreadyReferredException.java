package com.twork.points.ledger.boundary;

import com.twork.points.platform.boundary.ApplicationFailure;

/** A referral bonus was already paid for this referred member (by anyone). */
public class AlreadyReferredException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;

    public AlreadyReferredException() {
        super("A referral bonus was already awarded for this member");
    }
}
