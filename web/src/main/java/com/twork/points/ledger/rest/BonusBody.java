package com.twork.points.ledger.rest;

/** {@code POST /referral} and {@code /birthday}: the write answer plus {@code points_awarded}. */
public record BonusBody(boolean success, long transactionId, long newBalance, long pointsAwarded) {}
