package com.twork.points.ledger.boundary;

import com.twork.points.tier.control.TierStanding;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A member's balance as shown at one moment: {@code currentBalance} leaves out lots whose expiry time has
 * passed even if nothing has expired them yet. {@code siteZone} is how times are to be shown.
 */
public record BalanceView(
        long userId,
        long currentBalance,
        long lifetimeEarned,
        long lifetimeRedeemed,
        long lifetimeExpired,
        long pendingPoints,
        long expiringSoon,
        Instant lastUpdated,
        TierStanding tier,
        ZoneId siteZone) {}
