package com.twork.points.rule.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Campaign windows are wall-clock times of the site zone, also across a DST change. */
class CampaignWindowTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Saturday 24 to Monday 26 October 2026; clocks go back from 03:00 to 02:00 on Sunday the 25th. */
    static final CampaignWindow AUTUMN_WEEKEND =
            CampaignWindow.between(LocalDateTime.parse("2026-10-24T00:00"), LocalDateTime.parse("2026-10-26T00:00"));

    /** Saturday 28 to Monday 30 March 2026; clocks go forward from 02:00 to 03:00 on Sunday the 29th. */
    static final CampaignWindow SPRING_WEEKEND =
            CampaignWindow.between(LocalDateTime.parse("2026-03-28T00:00"), LocalDateTime.parse("2026-03-30T00:00"));

    @Test
    void aWeekendAcrossTheAutumnChangeLasts49Hours() {
        Instant opens = Instant.parse("2026-10-23T22:00:00Z"); // Saturday 00:00 CEST
        Instant closes = Instant.parse("2026-10-25T23:00:00Z"); // Monday 00:00 CET
        assertEquals(Duration.ofHours(49), Duration.between(opens, closes));
        assertFalse(AUTUMN_WEEKEND.contains(opens.minusSeconds(1), BERLIN));
        assertTrue(AUTUMN_WEEKEND.contains(opens, BERLIN));
        assertTrue(AUTUMN_WEEKEND.contains(Instant.parse("2026-10-25T22:59:59Z"), BERLIN)); // Sunday 23:59:59 CET
        assertFalse(AUTUMN_WEEKEND.contains(closes, BERLIN));
        // In UTC the same wall times would have closed an hour later and opened two hours later.
        assertFalse(AUTUMN_WEEKEND.contains(opens, ZoneId.of("UTC")));
    }

    @Test
    void aWeekendAcrossTheSpringChangeLasts47Hours() {
        Instant opens = Instant.parse("2026-03-27T23:00:00Z"); // Saturday 00:00 CET
        Instant closes = Instant.parse("2026-03-29T22:00:00Z"); // Monday 00:00 CEST
        assertEquals(Duration.ofHours(47), Duration.between(opens, closes));
        assertTrue(SPRING_WEEKEND.contains(closes.minusSeconds(1), BERLIN));
        assertFalse(SPRING_WEEKEND.contains(closes, BERLIN));
    }

    @Test
    void aWindowEdgeInsideTheSpringGapMovesForwardByTheGap() {
        CampaignWindow fromTwoThirty = new CampaignWindow(
                java.util.Optional.of(LocalDateTime.parse("2026-03-29T02:30")), java.util.Optional.empty());
        assertFalse(fromTwoThirty.contains(Instant.parse("2026-03-29T01:29:59Z"), BERLIN)); // 03:29:59 CEST
        assertTrue(fromTwoThirty.contains(Instant.parse("2026-03-29T01:30:00Z"), BERLIN)); // 03:30 CEST
    }

    @Test
    void theEvaluatorUsesTheWindowInTheSiteZone() {
        EarningRule weekend = new EarningRule(
                1,
                1,
                "Autumn weekend",
                RuleScope.all(),
                RuleEffect.multiplier("2"),
                AUTUMN_WEEKEND,
                Set.of(),
                BigDecimal.ZERO,
                RuleCaps.none(),
                1);
        OrderLine line = OrderLine.product("1", 1, "", Set.of(), 1, BigDecimal.TEN);
        assertEquals(20, award(weekend, Instant.parse("2026-10-25T22:30:00Z"), line)); // Sunday 23:30 CET
        assertEquals(10, award(weekend, Instant.parse("2026-10-23T21:30:00Z"), line)); // Friday 23:30 CEST
    }

    private static long award(EarningRule rule, Instant at, OrderLine line) {
        return RuleEvaluator.evaluate(
                        List.of(rule),
                        new AwardContext(
                                at,
                                BERLIN,
                                "basic",
                                BigDecimal.ONE,
                                BigDecimal.ONE,
                                line.amount(),
                                List.of(line),
                                RuleUsage.none()))
                .total();
    }
}
