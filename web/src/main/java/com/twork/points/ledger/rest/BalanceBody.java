package com.twork.points.ledger.rest;

/**
 * {@code GET /balance/{user_id}}: the plugin's six keys (ints, and {@code last_updated} as site time) plus ours
 * ({@code pending_points}, {@code expiring_soon}, {@code tier}).
 */
public record BalanceBody(
        long userId,
        long currentBalance,
        long lifetimeEarned,
        long lifetimeRedeemed,
        long lifetimeExpired,
        String lastUpdated,
        long pendingPoints,
        long expiringSoon,
        TierBody tier) {}
