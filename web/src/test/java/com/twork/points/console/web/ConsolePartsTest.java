package com.twork.points.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.console.boundary.ConsoleRows.DayTotals;
import com.twork.points.console.boundary.ConsoleRows.TierCount;
import com.twork.points.rule.control.AwardBreakdown;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console's pure parts: CSV cells, chart scaling and markup, query-string filters. */
class ConsolePartsTest {
    @Test
    void anAwardShowsEachRuleItsLinesAddedUpAndCapsMarked() {
        AwardBreakdown breakdown = new AwardBreakdown(List.of(
                new AwardBreakdown.Entry("1", AwardBreakdown.BASE_RATE, 0, "Points rate", 24, false),
                new AwardBreakdown.Entry("1", 7, 2, "2× Summer coffee", 24, false),
                new AwardBreakdown.Entry("2", AwardBreakdown.BASE_RATE, 0, "Points rate", 24, false),
                new AwardBreakdown.Entry("2", 7, 2, "2× Summer coffee", 24, false),
                new AwardBreakdown.Entry("3", 9, 1, "No points on gift cards", -1_500, false),
                new AwardBreakdown.Entry(AwardBreakdown.WHOLE_ORDER, 11, 1, "Espresso bonus", 50, true)));
        assertEquals(
                List.of("2× Summer coffee: +48", "No points on gift cards: -1,500", "Espresso bonus: +50 (capped)"),
                AwardLines.of(breakdown));
        assertEquals(
                List.of(),
                AwardLines.of(new AwardBreakdown(
                        List.of(new AwardBreakdown.Entry("1", AwardBreakdown.BASE_RATE, 0, "Points rate", 10, false)))),
                "the default rate alone explains nothing");
    }

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

    @Test
    void datesTheWrongWayRoundAreNamed() {
        assertTrue(TransactionFilters.problem(Map.of("from", "2026-02-01", "to", "2026-01-01")::get)
                .orElseThrow()
                .contains("is after the To date"));
        assertEquals(
                Optional.empty(), TransactionFilters.problem(Map.of("from", "2026-01-01", "to", "2026-01-01")::get));
    }

    @Test
    void pagesPastTheEndShowTheLastPage() {
        assertEquals(5, com.twork.points.console.boundary.Paged.clamp(99, 101, 25));
        assertEquals(1, com.twork.points.console.boundary.Paged.clamp(99, 0, 25));
        assertEquals(1, com.twork.points.console.boundary.Paged.clamp(0, 10, 25));
        assertEquals(2, com.twork.points.console.boundary.Paged.clamp(2, 26, 25));
    }

    @Test
    void amountsReadAsPeopleWriteThem() {
        ConsoleFormat format = new ConsoleFormat();
        assertEquals("+1,200", format.signed(1200L));
        assertEquals("-400", format.signed(-400L));
        assertEquals("0", format.signed(0L));
        assertEquals("debit", format.direction(Optional.of(-1L)));
        assertEquals("123.45", format.money(new java.math.BigDecimal("123.4500")));
        assertEquals("1,234.50", format.money(new java.math.BigDecimal("1234.5")));
        assertEquals(-400, com.twork.points.console.boundary.ConsoleRows.signed("redeem", 400));
        assertEquals(-108, com.twork.points.console.boundary.ConsoleRows.signed("adjust", -108));
    }

    @Test
    void memberFiltersAreReadOrNamed() {
        java.util.Set<String> tiers = java.util.Set.of("basic", "bronze");
        Map<String, String> query = Map.of("tier", "bronze", "status", "inactive", "min", "10", "active", "30");
        var filter = MemberFilters.from(query::get, tiers);
        assertEquals(Optional.of("bronze"), filter.tier());
        assertEquals(Optional.of(10L), filter.minBalance());
        assertEquals(Optional.of(30), filter.activeDays());
        assertEquals("tier=bronze&status=inactive&min=10&active=30", filter.toQuery());
        assertEquals(List.of(), MemberFilters.problems(query::get, tiers));
        assertEquals(
                List.of("Unknown tier: pick one from the list.", "Balance from (9) is above balance to (1)."),
                MemberFilters.problems(Map.of("tier", "gold", "min", "9", "max", "1")::get, tiers));
        assertEquals(
                List.of("Last activity: pick a choice from the list."),
                MemberFilters.problems(Map.of("idle", "12")::get, tiers));
    }
}
