package com.twork.points.ledger.control;

import com.twork.points.platform.control.ClientDateTime;
import com.twork.points.setting.boundary.Settings;
import com.twork.points.setting.control.SettingKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a new lot expires (SPEC §3.3): the client's {@code expires_at} if given (a past one is accepted, the lot
 * is born expired; one beyond {@code max_expiration_days} is clamped), else now + {@code expiration_days}, where
 * 0 means never [fix: the plugin read 0 as "now"].
 */
public final class LotExpiry {
    private LotExpiry() {}

    /** The expiry instant, or null for a lot that never expires. */
    public static Instant of(Optional<ClientDateTime> requested, Instant now, Settings settings) {
        Instant latest = now.plus(Duration.ofDays(settings.integer(SettingKey.MAX_EXPIRATION_DAYS)));
        if (requested.isPresent()) {
            ClientDateTime value = requested.get();
            // A bare date means the whole of that day, as for the history's upper bound.
            Instant asked = value instanceof ClientDateTime.Day day
                    ? day.endOfDay(settings.siteZone())
                    : value.toInstant(settings.siteZone());
            return asked.isAfter(latest) ? latest : asked;
        }
        int days = settings.integer(SettingKey.EXPIRATION_DAYS);
        return days == 0 ? null : now.plus(Duration.ofDays(days));
    }
}
