package com.twork.points.launcher.tools.legacy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Map;
import java.util.Optional;

/**
 * Times as WordPress stored them. The plugin wrote {@code created_at} with {@code current_time('mysql')} (the
 * site's local time), expiry dates with PHP's {@code date()} (UTC under WordPress) and audit rows with
 * {@code current_time('mysql', true)} (UTC); zero dates ({@code 0000-00-00 00:00:00}) mean "none".
 */
final class LegacyTimes {
    private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private LegacyTimes() {}

    /**
     * The site's zone, the value our {@code site_timezone} setting takes from it (only an IANA name; a bare offset
     * has no daylight-saving rules to carry over) and where it came from.
     */
    record SiteZone(ZoneId zone, Optional<String> setting, String source) {}

    /** A DATETIME as text; empty for NULL, zero or unparseable values. */
    static Optional<LocalDateTime> parse(String text) {
        if (text == null || text.isBlank() || text.startsWith("0000-00-00")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text.trim(), DATETIME));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Instant> utc(String text) {
        return parse(text).map(local -> local.toInstant(ZoneOffset.UTC));
    }

    static Optional<Instant> local(String text, ZoneId zone) {
        return parse(text).map(local -> local.atZone(zone).toInstant());
    }

    /**
     * WordPress keeps the site zone as {@code timezone_string} (an IANA name) or, for "UTC+6:30"-style choices, as
     * {@code gmt_offset} in hours; neither set means UTC.
     */
    static SiteZone siteZone(Map<String, String> options) {
        String name = options.getOrDefault("timezone_string", "").trim();
        if (!name.isEmpty()) {
            try {
                ZoneId zone = ZoneId.of(name);
                // "UTC+6"-style names are zones to Java but no IANA names our site_timezone setting could take.
                Optional<String> setting =
                        ZoneId.getAvailableZoneIds().contains(name) ? Optional.of(name) : Optional.empty();
                return new SiteZone(zone, setting, "timezone_string " + name);
            } catch (DateTimeException e) {
                // Unreadable: the offset below decides.
            }
        }
        String offset = options.getOrDefault("gmt_offset", "").trim();
        if (!offset.isEmpty()) {
            try {
                long seconds = Math.round(Double.parseDouble(offset) * 3600);
                if (Math.abs(seconds) <= 18 * 3600) {
                    ZoneOffset zone = ZoneOffset.ofTotalSeconds((int) seconds);
                    return new SiteZone(zone, Optional.empty(), "gmt_offset " + offset);
                }
            } catch (NumberFormatException e) {
                // Unreadable: UTC, as WordPress itself falls back to.
            }
        }
        return new SiteZone(ZoneOffset.UTC, Optional.empty(), "no site time zone set: UTC");
    }
}
