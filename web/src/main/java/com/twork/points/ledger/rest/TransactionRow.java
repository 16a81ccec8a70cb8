package com.twork.points.ledger.rest;

/**
 * One history row exactly as the app parses it: ids as strings, {@code points} a JSON number and
 * {@code is_expired} a JSON boolean (the app drops the whole list otherwise).
 */
public record TransactionRow(
        String id,
        String userId,
        String type,
        int points,
        String description,
        String orderId,
        String createdAt,
        String expiresAt,
        boolean isExpired) {}
