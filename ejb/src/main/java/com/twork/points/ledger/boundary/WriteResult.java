package com.twork.points.ledger.boundary;

/**
 * The answer to a write: the transaction written (or the existing one a replay matched; 0 when nothing was
 * written), the balance afterwards as the member sees it, and the points credited by this call.
 */
public record WriteResult(long transactionId, long newBalance, long pointsAwarded) {}
