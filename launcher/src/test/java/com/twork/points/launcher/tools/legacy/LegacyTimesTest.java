package com.twork.points.launcher.tools.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LegacyTimesTest {
    @Test
    void zeroBlankAndImpossibleDatesAreNone() {
        assertEquals(Optional.empty(), LegacyTimes.utc("0000-00-00 00:00:00"));
        assertEquals(Optional.empty(), LegacyTimes.utc(null));
        assertEquals(Optional.empty(), LegacyTimes.utc(" "));
        assertEquals(Optional.empty(), LegacyTimes.utc("2025-02-30 10:00:00"));
    }

    @Test
    void localTimesAreConvertedWithTheSiteZoneAndFractionsAreKept() {
        assertEquals(
                Optional.of(Instant.parse("2025-06-01T03:30:00Z")),
                LegacyTimes.local("2025-06-01 10:00:00", ZoneId.of("Asia/Yangon")));
        assertEquals(
                Optional.of(Instant.parse("2025-06-01T10:00:00.250Z")), LegacyTimes.utc("2025-06-01 10:00:00.250000"));
    }

    @Test
    void theSiteZoneComesFromTimezoneStringThenGmtOffsetElseUtc() {
        LegacyTimes.SiteZone named = LegacyTimes.siteZone(Map.of("timezone_string", "Asia/Yangon", "gmt_offset", "0"));
        assertEquals(ZoneId.of("Asia/Yangon"), named.zone());
        assertEquals(Optional.of("Asia/Yangon"), named.setting());

        LegacyTimes.SiteZone offset = LegacyTimes.siteZone(Map.of("timezone_string", "", "gmt_offset", "6.5"));
        assertEquals(ZoneOffset.ofHoursMinutes(6, 30), offset.zone());
        assertEquals(Optional.empty(), offset.setting(), "a bare offset is no IANA zone for site_timezone");

        LegacyTimes.SiteZone prefixed = LegacyTimes.siteZone(Map.of("timezone_string", "UTC+6"));
        assertEquals(ZoneOffset.ofHours(6), prefixed.zone().getRules().getOffset(Instant.EPOCH));
        assertEquals(Optional.empty(), prefixed.setting());

        LegacyTimes.SiteZone unreadable =
                LegacyTimes.siteZone(Map.of("timezone_string", "Mars/Base", "gmt_offset", "-5"));
        assertEquals(ZoneOffset.ofHours(-5), unreadable.zone());

        assertEquals(ZoneOffset.UTC, LegacyTimes.siteZone(Map.of()).zone());
    }
}
