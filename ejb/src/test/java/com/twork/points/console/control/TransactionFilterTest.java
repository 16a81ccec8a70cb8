package com.twork.points.console.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransactionFilterTest {
    @Test
    void noFilterIsNoClause() {
        TransactionFilter.Where where = TransactionFilter.none().where(ZoneId.of("UTC"));
        assertEquals("", where.clause());
        assertEquals(List.of(), where.parameters());
        assertEquals("", TransactionFilter.none().toQuery());
    }

    @Test
    void everyFilterBecomesAConditionWithItsParameterInOrder() {
        TransactionFilter filter = new TransactionFilter(
                Optional.of("earn"),
                Optional.of(7L),
                Optional.of("WC-1"),
                Optional.of("50%_off!"),
                Optional.of(LocalDate.of(2026, 3, 1)),
                Optional.of(LocalDate.of(2026, 3, 31)));
        TransactionFilter.Where where = filter.where(ZoneId.of("Europe/Berlin"));
        assertEquals(
                " WHERE t.type = ? AND t.user_id = ? AND t.order_key = ?"
                        + " AND (t.description LIKE ? ESCAPE '!' OR t.order_id LIKE ? ESCAPE '!')"
                        + " AND t.created_at >= ? AND t.created_at < ?",
                where.clause());
        assertEquals(
                List.of(
                        "earn",
                        7L,
                        "1",
                        "%50!%!_off!!%",
                        "%50!%!_off!!%",
                        Instant.parse("2026-02-28T23:00:00Z"),
                        Instant.parse("2026-03-31T22:00:00Z")),
                where.parameters(),
                "the order is matched by its normalised key (WC-1, #1 and 1 are one order); wildcards are escaped; the dates are whole days in the site's zone, the end day included");
        assertEquals("type=earn&member=7&order=WC-1&q=50%25_off%21&from=2026-03-01&to=2026-03-31", filter.toQuery());
    }

    @Test
    void anUnknownTypeIsNoCondition() {
        TransactionFilter filter = new TransactionFilter(
                Optional.of("gift"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        assertEquals("", filter.where(ZoneId.of("UTC")).clause());
    }
}
