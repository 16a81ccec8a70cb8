package com.twork.points.console.web;

import com.twork.points.setting.boundary.SettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** Formatting for the pages ({@code #{fmt...}}): times in the site's zone, numbers grouped, optionals unwrapped. */
@Named("fmt")
@ApplicationScoped
public class ConsoleFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    @Inject
    SettingsService settings;

    /** A time (an {@link Instant} or an optional one) in the site's time zone; empty for none. */
    public String time(Object value) {
        Object unwrapped = unwrap(value);
        return unwrapped instanceof Instant instant
                ? TIME.format(instant.atZone(settings.current().siteZone()))
                : "";
    }

    public String number(Object value) {
        Object unwrapped = unwrap(value);
        return unwrapped instanceof Number number ? String.format(Locale.ROOT, "%,d", number.longValue()) : "";
    }

    /** A balance change with its sign: "+1,200", "-400", "0". */
    public String signed(Object value) {
        Object unwrapped = unwrap(value);
        if (!(unwrapped instanceof Number number)) {
            return "";
        }
        long points = number.longValue();
        return (points > 0 ? "+" : "") + String.format(Locale.ROOT, "%,d", points);
    }

    /** "credit", "debit" or "" for zero: the class that colours a signed amount. */
    public String direction(Object value) {
        Object unwrapped = unwrap(value);
        long points = unwrapped instanceof Number number ? number.longValue() : 0;
        return points > 0 ? "credit" : points < 0 ? "debit" : "";
    }

    /** A money amount as people write it: grouped, two decimals ("1,234.50"), whatever scale it was stored with. */
    public String money(Object value) {
        Object unwrapped = unwrap(value);
        if (!(unwrapped instanceof Number number)) {
            return "";
        }
        java.math.BigDecimal amount =
                number instanceof java.math.BigDecimal decimal ? decimal : new java.math.BigDecimal(number.toString());
        return String.format(Locale.ROOT, "%,.2f", amount.setScale(2, java.math.RoundingMode.HALF_UP));
    }

    public String text(Object value) {
        Object unwrapped = unwrap(value);
        return unwrapped == null ? "" : unwrapped.toString();
    }

    public String zone() {
        return settings.current().siteZone().getId();
    }

    private static Object unwrap(Object value) {
        return value instanceof Optional<?> optional ? optional.orElse(null) : value;
    }
}
