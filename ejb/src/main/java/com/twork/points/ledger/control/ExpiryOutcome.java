package com.twork.points.ledger.control;

import java.util.Optional;

/** What one expiry pass did for one member: how many lots, how many points, and the expire row written. */
public record ExpiryOutcome(int lots, long points, Optional<Long> transactionId) {
    public static final ExpiryOutcome NOTHING = new ExpiryOutcome(0, 0, Optional.empty());
}
