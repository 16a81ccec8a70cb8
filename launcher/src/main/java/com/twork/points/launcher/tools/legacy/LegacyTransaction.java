package com.twork.points.launcher.tools.legacy;

import java.time.Instant;

/**
 * One row of the plugin's {@code <prefix>twork_point_transactions} as read, times already in UTC. {@code type} is
 * the plugin's text (trimmed, lower case), {@code points} as the plugin stored them (positive for redeem and
 * expire, signed for adjust), {@code status} {@code approved} when the table has no status column, and
 * {@code expiredFlag} the plugin's {@code is_expired} (used only to recompute what the plugin showed).
 */
public record LegacyTransaction(
        long id,
        long userId,
        String type,
        int points,
        String description,
        String orderId,
        Instant createdAt,
        Instant expiresAt,
        boolean expiredFlag,
        String status,
        boolean deleted) {}
