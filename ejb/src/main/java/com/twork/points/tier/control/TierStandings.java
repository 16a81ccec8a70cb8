package com.twork.points.tier.control;

import com.twork.points.ledger.control.LedgerQueries;
import com.twork.points.setting.control.SettingKey;
import com.twork.points.setting.control.SettingsCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * A member's tier (SPEC §6.3) from earned points, never from the balance: lifetime earned, or earned in the
 * last 12 months when {@code tier_basis} is {@code rolling12}; both net of reversals of earn rows.
 */
@ApplicationScoped
public class TierStandings {
    static final Duration TWELVE_MONTHS = Duration.ofDays(365);

    @Inject
    TierCatalog catalog;

    @Inject
    LedgerQueries ledger;

    @Inject
    SettingsCache settings;

    public TierStanding of(long userId, long lifetimeEarned, Instant now) {
        boolean rolling = "rolling12".equals(settings.current().raw(SettingKey.TIER_BASIS));
        long earned = rolling ? ledger.earnedSince(userId, now.minus(TWELVE_MONTHS)) : lifetimeEarned;
        return catalog.ladder().place(earned);
    }
}
