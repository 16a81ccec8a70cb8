package com.twork.points.ledger.boundary;

import com.twork.points.platform.boundary.ApplicationFailure;

/** A staff adjustment that cannot be done as asked (more than the balance, already voided...). */
public class AdjustmentRefusedException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;

    public AdjustmentRefusedException(String message) {
        super(message);
    }
}
