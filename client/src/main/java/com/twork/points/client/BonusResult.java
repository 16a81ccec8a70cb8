package com.twork.points.client;

/** {@code POST /referral} and {@code /birthday}: the write answer plus the points the bonus gave. */
public record BonusResult(long transactionId, long newBalance, long pointsAwarded) {}
