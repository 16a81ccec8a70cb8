package com.twork.points.ledger.boundary;

/** A staff adjustment or void: the row written, the balance before and after, and what could not be taken. */
public record AdjustmentResult(long transactionId, long balanceBefore, long balanceAfter, long uncollectable) {}
