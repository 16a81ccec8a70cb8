package com.twork.points.ledger.boundary;

/**
 * The answer to a write: the transaction written (or the existing one a replay matched, then {@code existing};
 * 0 when nothing was written), the balance afterwards as the member sees it, and the points credited by this
 * call.
 */
public record WriteResult(long transactionId, long newBalance, long pointsAwarded, boolean existing) {

    public static WriteResult written(long transactionId, long newBalance, long pointsAwarded) {
        return new WriteResult(transactionId, newBalance, pointsAwarded, false);
    }

    public static WriteResult existing(long transactionId, long newBalance) {
        return new WriteResult(transactionId, newBalance, 0, true);
    }
}
