package com.twork.points.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.console.boundary.ConsoleRows.DayTotals;
import com.twork.points.console.boundary.ConsoleRows.TierCount;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console's pure parts: CSV cells, chart scaling and markup, query-string filters. */
class ConsolePartsTest {
    @Test
    void csvCellsAreQuotedAndFormulasNeutralised() {
        assertEquals("", CsvCells.text(null));
        assertEquals("plain", CsvCells.text("plain"));
        assertEquals("\"a,b\"", CsvCells.text("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvCells.text("say \"hi\""));
        assertEquals("\"line\none\"", CsvCells.text("line\none"));
        for (String risky : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            String cell = CsvCells.text(risky);
            assertTrue(cell.startsWith("\"'"), risky + " -> " + cell);
        }
        assertEquals("a=b", CsvCells.text("a=b"), "only a leading character is a formula");
    }

    @Test
    void axisTopsAreFourRoundSteps() {
        assertEquals(4, ConsoleCharts.axisTop(0));
        assertEquals(4, ConsoleCharts.axisTop(1));
        assertEquals(8, ConsoleCharts.axisTop(5));
        assertEquals(800, ConsoleCharts.axisTop(777));
        assertEquals(2_000, ConsoleCharts.axisTop(1_001));
        assertEquals(80, ConsoleCharts.axisTop(45), "steps of 20");
    }

    @Test
    void chartsCarryEveryValueAndEscapeLabels() {
        String daily = ConsoleCharts.daily(List.of(
                new DayTotals(LocalDate.of(2026, 11, 24), 10, 3, 0),
                new DayTotals(LocalDate.of(2026, 11, 25), 0, 0, 7)));
        assertTrue(daily.contains("data-series=\"earned\" data-value=\"10\""));
        assertTrue(daily.contains("data-series=\"redeemed\" data-value=\"3\""));
        assertTrue(daily.contains("data-series=\"expired\" data-value=\"7\""));
        assertTrue(daily.startsWith("<svg") && daily.endsWith("</svg>"));
        String tiers = ConsoleCharts.tiers(List.of(new TierCount("<Gold & co>", 2)));
        assertTrue(tiers.contains("&lt;Gold &amp; co&gt;"));
        assertFalse(tiers.contains("<Gold"));
    }

    @Test
    void unreadableFiltersAreLeftOutAndNamed() {
        Map<String, String> query = Map.of("type", "gift", "member", "12x", "from", "2026-13-01", "q", " text ");
        assertEquals(Optional.of("Unknown type: pick one from the list."), TransactionFilters.problem(query::get));
        var filter = TransactionFilters.from(query::get);
        assertEquals(Optional.empty(), filter.type());
        assertEquals(Optional.empty(), filter.userId());
        assertEquals(Optional.empty(), filter.from());
        assertEquals(Optional.of("text"), filter.search());
        assertEquals(
                Optional.of("Dates are written YYYY-MM-DD (from)."),
                TransactionFilters.problem(Map.of("from", "2026-13-01")::get));
    }
}
