package com.twork.points.ledger.boundary;

/** {@code POST /check-expired}: lots expired now, their points, the balance afterwards. */
public record ExpiryResult(int expiredCount, long expiredPoints, long newBalance) {}
