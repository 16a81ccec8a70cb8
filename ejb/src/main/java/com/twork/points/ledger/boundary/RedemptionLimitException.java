package com.twork.points.ledger.boundary;

import com.twork.points.platform.boundary.ApplicationFailure;

/** A redemption outside min_redemption / max_redemption_percent while enforce_redemption_limits is on. */
public class RedemptionLimitException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;

    public RedemptionLimitException(String message) {
        super(message);
    }
}
