package com.twork.points.ledger.rest;

/** A row of {@code GET /expiring/{user_id}}: the history row plus what is left of the lot. */
public record ExpiringRow(
        String id,
        String userId,
        String type,
        int points,
        String description,
        String orderId,
        String createdAt,
        String expiresAt,
        boolean isExpired,
        int remaining) {}
