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
