package com.twork.points.client;

/**
 * {@code POST /earn} and {@code /redeem}. A replay of an already recorded order, bonus or paired event answers
 * with the existing transaction's id; {@code transactionId} is 0 when nothing was written (an {@code expire}
 * earn, a bonus set to 0).
 */
public record WriteResult(long transactionId, long newBalance) {}
