package com.twork.points.platform.control;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times on the wire: {@code YYYY-MM-DD HH:MM:SS} in the site time zone, as the plugin shows them. */
public final class SiteTime {
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private SiteTime() {}

    public static String format(Instant instant, ZoneId siteZone) {
        return WIRE.format(instant.atZone(siteZone));
    }
}
