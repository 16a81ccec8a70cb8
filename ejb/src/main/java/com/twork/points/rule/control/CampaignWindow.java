package com.twork.points.rule.control;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a rule earns: from {@code starts} (inclusive) to {@code ends} (exclusive), both wall-clock times in the
 * site's time zone, either side open. They are turned into instants with the zone's rules at that date, so a
 * weekend campaign across a DST change lasts 47 or 49 hours, as the shop's clock on the wall says. A wall time
 * that does not exist (spring gap) moves forward by the gap's length (02:30 becomes 03:30); one that happens twice
 * (autumn) means the first of the two (java.time's {@code ZonedDateTime.ofLocal} rules).
 */
public record CampaignWindow(Optional<LocalDateTime> starts, Optional<LocalDateTime> ends) {

    public static CampaignWindow always() {
        return new CampaignWindow(Optional.empty(), Optional.empty());
    }

    public static CampaignWindow between(LocalDateTime starts, LocalDateTime ends) {
        return new CampaignWindow(Optional.of(starts), Optional.of(ends));
    }

    public boolean contains(Instant at, ZoneId zone) {
        return starts.map(start -> !at.isBefore(instant(start, zone))).orElse(true)
                && ends.map(end -> at.isBefore(instant(end, zone))).orElse(true);
    }

    /** True when the window closes at or before it opens. */
    public boolean isEmpty() {
        return starts.isPresent() && ends.isPresent() && !ends.get().isAfter(starts.get());
    }

    /** True when the window has closed by then: nothing more can be earned from the rule. */
    public boolean isOver(Instant at, ZoneId zone) {
        return ends.map(end -> !at.isBefore(instant(end, zone))).orElse(false);
    }

    static Instant instant(LocalDateTime wallTime, ZoneId zone) {
        return ZonedDateTime.ofLocal(wallTime, zone, null).toInstant();
    }
}
