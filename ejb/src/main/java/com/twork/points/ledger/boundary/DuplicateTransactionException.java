package com.twork.points.ledger.boundary;

import com.twork.points.platform.boundary.ApplicationFailure;
import java.util.Map;

/**
 * The same member, order and type was already recorded with different points [fix: the plugin answered 500].
 */
public class DuplicateTransactionException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;
    private final long existingId;
    private final int existingPoints;

    public DuplicateTransactionException(long existingId, int existingPoints) {
        super("A transaction for this order and type already exists with different points");
        this.existingId = existingId;
        this.existingPoints = existingPoints;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("transaction_id", existingId, "points", existingPoints);
    }
}
