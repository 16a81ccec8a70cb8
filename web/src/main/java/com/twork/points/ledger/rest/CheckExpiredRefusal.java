package com.twork.points.ledger.rest;

/** The plugin's answer to {@code POST /check-expired/0}: a 200 that says no. */
public record CheckExpiredRefusal(boolean success, int expiredCount, String message) {}
