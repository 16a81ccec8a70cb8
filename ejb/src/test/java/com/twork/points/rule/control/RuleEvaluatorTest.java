package com.twork.points.rule.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The examples of docs/rules.md, one by one. */
class RuleEvaluatorTest {
    static final long COFFEE = 10;
    static final long GIFT_CARD = 20;
    static final long ESPRESSO_MACHINE = 30;
    static final long CAT_COFFEE = 100;
    static final long CAT_GIFTS = 200;

    static final OrderLine BEANS =
            OrderLine.product("1", COFFEE, "BEAN-1", Set.of(CAT_COFFEE), 2, new BigDecimal("24.00"));
    static final OrderLine CARD =
            OrderLine.product("2", GIFT_CARD, "GIFT-50", Set.of(CAT_GIFTS), 1, new BigDecimal("50.00"));
    static final OrderLine MACHINE =
            OrderLine.product("3", ESPRESSO_MACHINE, "ESP-9", Set.of(), 1, new BigDecimal("299.99"));

    static AwardContext order(List<OrderLine> lines) {
        BigDecimal total = lines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new AwardContext(
                Instant.parse("2026-07-04T10:00:00Z"),
                ZoneId.of("Europe/Berlin"),
                "basic",
                BigDecimal.ONE,
                BigDecimal.ONE,
                total,
                lines,
                RuleUsage.none());
    }

    static RuleScope categories(long... ids) {
        return new RuleScope(
                Set.of(),
                java.util.Arrays.stream(ids).boxed().collect(java.util.stream.Collectors.toSet()),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of());
    }

    @Test
    void withoutRulesTheAwardIsTheOldFormula() {
        AwardContext order = order(List.of(BEANS, CARD, MACHINE)); // 373.99 × 1 × 1
        AwardBreakdown award = RuleEvaluator.evaluate(List.of(), order);
        assertEquals(373, award.total());
        assertTrue(award.entries().stream().allMatch(entry -> entry.ruleId() == AwardBreakdown.BASE_RATE));
    }

    @Test
    void roundingIsOncePerOrderSoFractionsAreNotLostPerLine() {
        OrderLine a = OrderLine.product("a", 1, "", Set.of(), 1, new BigDecimal("0.60"));
        OrderLine b = OrderLine.product("b", 2, "", Set.of(), 1, new BigDecimal("0.60"));
        AwardBreakdown award = RuleEvaluator.evaluate(List.of(), order(List.of(a, b)));
        assertEquals(1, award.total());
        assertEquals(Map.of("a", 1L, "b", 0L), award.byLine());
    }

    @Test
    void doublePointsOnCoffee() {
        EarningRule coffee =
                EarningRule.simple(1, "Summer coffee", categories(CAT_COFFEE), RuleEffect.multiplier("2"), 10);
        AwardBreakdown award = RuleEvaluator.evaluate(List.of(coffee), order(List.of(BEANS, CARD)));
        assertEquals(24 * 2 + 50, award.total());
        assertTrue(award.entries().contains(new AwardBreakdown.Entry("1", 1, 1, "2× Summer coffee", 24, false)));
    }

    @Test
    void giftCardsEarnNothingEvenUnderADoublePointsWeekend() {
        EarningRule weekend = EarningRule.simple(1, "Weekend", RuleScope.all(), RuleEffect.multiplier("2"), 5);
        EarningRule gifts =
                EarningRule.simple(2, "No points on gift cards", categories(CAT_GIFTS), RuleEffect.earnsNothing(), 1);
        AwardBreakdown award = RuleEvaluator.evaluate(List.of(weekend, gifts), order(List.of(BEANS, CARD)));
        assertEquals(48, award.total());
        assertEquals(0L, award.byLine().get("2"));
    }

    @Test
    void theBestRateWinsAndBonusesAdd() {
        EarningRule weekend = EarningRule.simple(1, "Weekend", RuleScope.all(), RuleEffect.multiplier("2"), 5);
        EarningRule coffee = EarningRule.simple(2, "Coffee ×3", categories(CAT_COFFEE), RuleEffect.multiplier("3"), 1);
        EarningRule machine = EarningRule.simple(
                3,
                "New espresso machine",
                new RuleScope(Set.of(ESPRESSO_MACHINE), Set.of(), Set.of(), Set.of(), Set.of(), Set.of()),
                RuleEffect.bonusPerItem(50),
                1);
        AwardBreakdown award =
                RuleEvaluator.evaluate(List.of(weekend, coffee, machine), order(List.of(BEANS, MACHINE)));
        // beans 24 × 3 = 72; machine 299.99 × 2 = 599.98; rate points floor(671.98) = 671; + 50 bonus
        assertEquals(721, award.total());
        assertEquals(72L, award.byLine().get("1"));
    }

    @Test
    void perOrderBonusNeedsACoveredLineAndTheMinimumValue() {
        EarningRule bonus = new EarningRule(
                1,
                1,
                "Big basket",
                categories(CAT_COFFEE),
                RuleEffect.bonusPerOrder(100),
                CampaignWindow.always(),
                Set.of(),
                new BigDecimal("50"),
                RuleCaps.none(),
                1);
        assertEquals(
                24 + 50 + 100,
                RuleEvaluator.evaluate(List.of(bonus), order(List.of(BEANS, CARD)))
                        .total());
        assertEquals(
                24,
                RuleEvaluator.evaluate(List.of(bonus), order(List.of(BEANS))).total());
        assertEquals(
                50, RuleEvaluator.evaluate(List.of(bonus), order(List.of(CARD))).total());
    }

    @Test
    void capsCutWhatTheRuleAddsNeverTheDefaultRate() {
        EarningRule coffee = new EarningRule(
                1,
                1,
                "Coffee ×5",
                categories(CAT_COFFEE),
                RuleEffect.multiplier("5"),
                CampaignWindow.always(),
                Set.of(),
                BigDecimal.ZERO,
                new RuleCaps(OptionalLong.of(30), OptionalLong.of(1000), OptionalLong.of(40)),
                1);
        AwardContext fresh = order(List.of(BEANS));
        assertEquals(24 + 30, RuleEvaluator.evaluate(List.of(coffee), fresh).total());
        AwardContext used = fresh.withUsage(new RuleUsage(Map.of(1L, 25L), Map.of(1L, 25L)));
        assertEquals(24 + 15, RuleEvaluator.evaluate(List.of(coffee), used).total());
        AwardContext spent = fresh.withUsage(new RuleUsage(Map.of(), Map.of(1L, 40L)));
        AwardBreakdown award = RuleEvaluator.evaluate(List.of(coffee), spent);
        assertEquals(24, award.total());
        assertTrue(award.entries().stream().anyMatch(AwardBreakdown.Entry::capped));
    }

    @Test
    void tiersAndUnknownProducts() {
        EarningRule gold = new EarningRule(
                1,
                1,
                "Gold double",
                RuleScope.all(),
                RuleEffect.multiplier("2"),
                CampaignWindow.always(),
                Set.of("gold"),
                BigDecimal.ZERO,
                RuleCaps.none(),
                1);
        OrderLine unknown = OrderLine.unknownProduct("9", 999, "", 1, new BigDecimal("10"));
        assertEquals(
                34,
                RuleEvaluator.evaluate(List.of(gold), order(List.of(BEANS, unknown)))
                        .total());
        AwardContext goldOrder = order(List.of(BEANS, unknown));
        goldOrder = new AwardContext(
                goldOrder.at(),
                goldOrder.zone(),
                "gold",
                new BigDecimal("1.3"),
                goldOrder.pointsRate(),
                goldOrder.eligibleTotal(),
                goldOrder.lines(),
                RuleUsage.none());
        // beans 24 × 1.3 × 2 = 62.4, unknown 10 × 1.3 = 13 → floor(75.4)
        assertEquals(75, RuleEvaluator.evaluate(List.of(gold), goldOrder).total());
    }

    @Test
    void pointsPerUnitReplacesTheRateEvenWhenLower() {
        EarningRule cards =
                EarningRule.simple(1, "Gift cards: 5 a card", categories(CAT_GIFTS), RuleEffect.pointsPerUnit(5), 1);
        AwardBreakdown award = RuleEvaluator.evaluate(List.of(cards), order(List.of(CARD)));
        assertEquals(5, award.total());
        assertTrue(award.entries().contains(new AwardBreakdown.Entry("2", 1, 1, "Gift cards: 5 a card", -45, false)));
    }
}
