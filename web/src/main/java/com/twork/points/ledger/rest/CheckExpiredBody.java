package com.twork.points.ledger.rest;

/** {@code POST /check-expired/{user_id}}. */
public record CheckExpiredBody(
        boolean success, int expiredCount, long expiredPoints, long newBalance, String message) {}
