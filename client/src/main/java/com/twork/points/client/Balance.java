package com.twork.points.client;

import java.time.LocalDateTime;

/**
 * {@code GET /balance/{user_id}}. {@code lastUpdated} is site time (the server's {@code site_timezone}), as the
 * wire gives it.
 */
public record Balance(
        long userId,
        long currentBalance,
        long lifetimeEarned,
        long lifetimeRedeemed,
        long lifetimeExpired,
        LocalDateTime lastUpdated,
        long pendingPoints,
        long expiringSoon,
        Tier tier) {}
