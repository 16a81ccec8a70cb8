package com.twork.points.platform.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A date-time as a client sent it (SPEC §3.0): ISO-8601 with or without zone and fraction, with {@code T} or a
 * space, or a bare date. A value without zone is site-local, so it becomes an instant only once the site zone
 * is known.
 */
public sealed interface ClientDateTime {
    Instant toInstant(ZoneId siteZone);

    /** A value that carried its own offset ({@code Z}, {@code +06:30}). */
    record Zoned(Instant instant) implements ClientDateTime {
        @Override
        public Instant toInstant(ZoneId siteZone) {
            return instant;
        }
    }

    /** A value without zone, read in the site zone. */
    record Local(LocalDateTime dateTime) implements ClientDateTime {
        @Override
        public Instant toInstant(ZoneId siteZone) {
            return dateTime.atZone(siteZone).toInstant();
        }
    }

    /** A bare date; as an upper bound it means the end of that day. */
    record Day(LocalDate date) implements ClientDateTime {
        @Override
        public Instant toInstant(ZoneId siteZone) {
            return date.atStartOfDay(siteZone).toInstant();
        }

        public Instant endOfDay(ZoneId siteZone) {
            return date.plusDays(1).atStartOfDay(siteZone).toInstant().minus(1, ChronoUnit.MICROS);
        }
    }

    DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendValue(ChronoField.YEAR, 4)
            .appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    DateTimeFormatter ZONED = new DateTimeFormatterBuilder()
            .append(LOCAL)
            .appendOffset("+HH:MM", "Z")
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    DateTimeFormatter ZONED_COMPACT = new DateTimeFormatterBuilder()
            .append(LOCAL)
            .appendOffset("+HHMM", "Z")
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    /** Dates outside these years are refused: nothing in a points ledger is older or that far ahead. */
    int FIRST_YEAR = 1970;

    int LAST_YEAR = 9998;

    /** Empty when the text is not a date-time this API accepts (a real calendar date between 1970 and 9998). */
    static Optional<ClientDateTime> parse(String text) {
        return parseUnbounded(text).filter(value -> {
            int year = value.toInstant(ZoneOffset.UTC).atOffset(ZoneOffset.UTC).getYear();
            return year >= FIRST_YEAR && year <= LAST_YEAR;
        });
    }

    private static Optional<ClientDateTime> parseUnbounded(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        if (value.length() == 10) {
            try {
                return Optional.of(new Day(LocalDate.parse(
                        value, DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT))));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (value.length() > 10 && value.charAt(10) == ' ') {
            value = value.substring(0, 10) + 'T' + value.substring(11);
        }
        for (DateTimeFormatter zoned : new DateTimeFormatter[] {ZONED, ZONED_COMPACT}) {
            try {
                return Optional.of(new Zoned(OffsetDateTime.parse(value, zoned).toInstant()));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        try {
            return Optional.of(new Local(LocalDateTime.parse(value, LOCAL)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
