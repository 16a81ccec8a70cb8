package com.twork.points.ledger.boundary;

import com.twork.points.platform.boundary.ApplicationFailure;
import java.util.Map;

/** The spendable balance does not cover the debit; nothing was written. */
public class InsufficientPointsException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;
    private final long currentBalance;
    private final long required;

    public InsufficientPointsException(long currentBalance, long required) {
        super("Insufficient points");
        this.currentBalance = currentBalance;
        this.required = required;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("current_balance", currentBalance, "required", required);
    }
}
