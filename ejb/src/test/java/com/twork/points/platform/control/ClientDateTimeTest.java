package com.twork.points.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientDateTimeTest {
    private static final ZoneId YANGON = ZoneId.of("Asia/Yangon"); // +06:30

    @ParameterizedTest
    @CsvSource({
        "2026-01-15T10:30:00.000, 2026-01-15T04:00:00Z",
        "2026-01-15T10:30:00.123456, 2026-01-15T04:00:00.123456Z",
        "2026-01-15T10:30:00, 2026-01-15T04:00:00Z",
        "2026-01-15 10:30:00, 2026-01-15T04:00:00Z",
        "2026-01-15T10:30, 2026-01-15T04:00:00Z",
        "2026-01-15T10:30:00Z, 2026-01-15T10:30:00Z",
        "2026-01-15T10:30:00.000Z, 2026-01-15T10:30:00Z",
        "2026-01-15T10:30:00+06:30, 2026-01-15T04:00:00Z",
        "2026-01-15 10:30:00+0630, 2026-01-15T04:00:00Z",
        "2026-01-15, 2026-01-14T17:30:00Z"
    })
    void acceptsTheAppsAndIsoForms(String text, String expected) {
        assertEquals(
                Instant.parse(expected),
                ClientDateTime.parse(text).orElseThrow().toInstant(YANGON));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-13-01", "2026-01-15T25:00:00", "15/01/2026", "2026-01-15X10:30"})
    void refusesEverythingElse(String text) {
        assertTrue(ClientDateTime.parse(text).isEmpty(), text);
    }

    @Test
    void aBareDateAsUpperBoundMeansTheEndOfThatDay() {
        ClientDateTime.Day day =
                (ClientDateTime.Day) ClientDateTime.parse("2026-01-15").orElseThrow();
        assertEquals(Instant.parse("2026-01-15T23:59:59.999999Z"), day.endOfDay(ZoneId.of("UTC")));
    }

    @Test
    void wireFormatIsSiteLocal() {
        assertEquals("2026-01-15 10:30:00", SiteTime.format(Instant.parse("2026-01-15T04:00:00Z"), YANGON));
    }
}
