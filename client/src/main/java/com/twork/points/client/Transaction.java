package com.twork.points.client;

import java.time.LocalDateTime;
import java.util.Optional;

/** One ledger row of the history ({@code GET /transactions}); times are site time. */
public record Transaction(
        long id,
        long userId,
        PointType type,
        int points,
        Optional<String> description,
        Optional<String> orderId,
        LocalDateTime createdAt,
        Optional<LocalDateTime> expiresAt,
        boolean expired) {}
