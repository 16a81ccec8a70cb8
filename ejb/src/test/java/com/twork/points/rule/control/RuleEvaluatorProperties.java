package com.twork.points.rule.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the stacking policy over random orders and random rule sets. */
class RuleEvaluatorProperties {

    record Case(List<EarningRule> rules, AwardContext order) {}

    @Property(tries = 400)
    void anAwardAndEachOfItsLinesAreNeverNegative(@ForAll("cases") Case c) {
        AwardBreakdown award = RuleEvaluator.evaluate(c.rules(), c.order());
        assertTrue(award.total() >= 0, () -> "total " + award.total());
        award.byLine().forEach((line, points) -> assertTrue(points >= 0, () -> line + " earned " + points));
    }

    @Property(tries = 400)
    void exclusionsAlwaysWin(@ForAll("cases") Case c) {
        AwardBreakdown award = RuleEvaluator.evaluate(c.rules(), c.order());
        Map<String, OrderLine> lines =
                c.order().lines().stream().collect(Collectors.toMap(OrderLine::key, line -> line));
        for (AwardBreakdown.Entry entry : award.entries()) {
            if (entry.ruleId() == AwardBreakdown.BASE_RATE || entry.line().equals(AwardBreakdown.WHOLE_ORDER)) {
                continue;
            }
            EarningRule rule = c.rules().stream()
                    .filter(r -> r.id() == entry.ruleId())
                    .findFirst()
                    .orElseThrow();
            OrderLine line = lines.get(entry.line());
            assertTrue(rule.scope().covers(line), () -> "rule " + rule.id() + " touched a line it excludes");
        }
        for (OrderLine line : c.order().lines()) {
            boolean nothing = c.rules().stream()
                    .anyMatch(rule -> rule.effect().kind() == RuleEffect.Kind.EARNS_NOTHING
                            && rule.appliesTo(c.order())
                            && rule.scope().covers(line));
            if (nothing) {
                assertEquals(0L, award.byLine().getOrDefault(line.key(), 0L), () -> line.key() + " earns nothing");
            }
        }
    }

    @Property(tries = 300)
    void stackingDoesNotDependOnTheOrderOfTheRules(@ForAll("cases") Case c, @ForAll long seed) {
        List<EarningRule> shuffled = new ArrayList<>(c.rules());
        Collections.shuffle(shuffled, new Random(seed));
        assertEquals(RuleEvaluator.evaluate(c.rules(), c.order()), RuleEvaluator.evaluate(shuffled, c.order()));
    }

    @Property(tries = 400)
    void capsHold(@ForAll("cases") Case c) {
        AwardBreakdown award = RuleEvaluator.evaluate(c.rules(), c.order());
        Map<Long, Long> added = award.addedByRule();
        for (EarningRule rule : c.rules()) {
            long got = added.getOrDefault(rule.id(), 0L);
            rule.caps().perOrder().ifPresent(cap -> assertTrue(got <= cap));
            long today = c.order().usage().today(rule.id());
            long campaign = c.order().usage().campaign(rule.id());
            rule.caps().perMemberPerDay().ifPresent(cap -> assertTrue(got <= Math.max(0, cap - today)));
            rule.caps().perCampaign().ifPresent(cap -> assertTrue(got <= Math.max(0, cap - campaign)));
        }
    }

    @Property(tries = 400)
    void theScopeIndexFindsExactlyTheRulesThatCoverALineInPrecedence(@ForAll("cases") Case c) {
        List<EarningRule> sorted =
                c.rules().stream().sorted(EarningRule.PRECEDENCE).toList();
        ScopeIndex index = ScopeIndex.of(sorted);
        for (OrderLine line : c.order().lines()) {
            assertEquals(
                    sorted.stream().filter(rule -> rule.scope().covers(line)).toList(),
                    index.covering(line),
                    () -> "line " + line);
        }
    }

    @Property(tries = 300)
    void withoutRulesTheOrderEarnsTheDefaultRateRoundedDownOnce(@ForAll("cases") Case c) {
        BigDecimal exact = c.order()
                .eligibleTotal()
                .multiply(c.order().pointsRate())
                .multiply(c.order().tierMultiplier());
        assertEquals(
                exact.setScale(0, RoundingMode.FLOOR).longValueExact(),
                RuleEvaluator.evaluate(List.of(), c.order()).total());
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<List<OrderLine>> lines = line().list().ofMinSize(0).ofMaxSize(8);
        Arbitrary<List<EarningRule>> rules = rule().list().ofMaxSize(8);
        Arbitrary<BigDecimal> tier = Arbitraries.of("1", "1.1", "1.5").map(BigDecimal::new);
        Arbitrary<BigDecimal> rate = Arbitraries.of("0", "0.5", "1", "2.5").map(BigDecimal::new);
        Arbitrary<Long> used = Arbitraries.longs().between(0, 300);
        return Combinators.combine(lines, rules, tier, rate, used, used).as((ls, rs, t, r, today, campaign) -> {
            List<OrderLine> keyed = IntStream.range(0, ls.size())
                    .mapToObj(i -> {
                        OrderLine l = ls.get(i);
                        return new OrderLine(
                                String.valueOf(i),
                                l.productId(),
                                l.sku(),
                                l.categories(),
                                l.quantity(),
                                l.amount(),
                                l.known());
                    })
                    .toList();
            List<EarningRule> unique = IntStream.range(0, rs.size())
                    .mapToObj(i -> {
                        EarningRule x = rs.get(i);
                        return new EarningRule(
                                i + 1L,
                                1,
                                x.name(),
                                x.scope(),
                                x.effect(),
                                x.window(),
                                x.tiers(),
                                x.minOrderValue(),
                                x.caps(),
                                x.priority());
                    })
                    .toList();
            BigDecimal total = keyed.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            Map<Long, Long> usage = unique.stream().collect(Collectors.toMap(EarningRule::id, x -> today));
            Map<Long, Long> lifetime = unique.stream().collect(Collectors.toMap(EarningRule::id, x -> campaign));
            return new Case(
                    unique,
                    new AwardContext(
                            Instant.parse("2026-05-01T12:00:00Z"),
                            ZoneId.of("Europe/Berlin"),
                            "basic",
                            t,
                            r,
                            total,
                            keyed,
                            new RuleUsage(usage, lifetime)));
        });
    }

    private Arbitrary<OrderLine> line() {
        Arbitrary<Long> product = Arbitraries.longs().between(1, 6);
        Arbitrary<Set<Long>> categories =
                Arbitraries.longs().between(1, 4).set().ofMaxSize(2);
        Arbitrary<Integer> quantity = Arbitraries.integers().between(1, 5);
        Arbitrary<BigDecimal> amount = Arbitraries.integers().between(0, 50_000).map(c -> BigDecimal.valueOf(c, 2));
        Arbitrary<Boolean> known = Arbitraries.of(true, true, true, false);
        return Combinators.combine(product, categories, quantity, amount, known)
                .as((p, cats, q, a, k) -> new OrderLine("x", p, "SKU-" + p, k ? cats : Set.of(), q, a, k));
    }

    private Arbitrary<EarningRule> rule() {
        Arbitrary<RuleScope> scope = Combinators.combine(
                        Arbitraries.longs().between(1, 6).set().ofMaxSize(2),
                        Arbitraries.longs().between(1, 4).set().ofMaxSize(1),
                        Arbitraries.longs().between(1, 6).set().ofMaxSize(1),
                        Arbitraries.longs().between(1, 6).set().ofMaxSize(1),
                        Arbitraries.longs().between(1, 4).set().ofMaxSize(1))
                .as((products, cats, skuProducts, exProducts, exCats) -> new RuleScope(
                        products,
                        cats,
                        skuProducts.stream().map(p -> "SKU-" + p).collect(Collectors.toSet()),
                        exProducts,
                        exCats,
                        Set.of()));
        Arbitrary<RuleEffect> effect = Arbitraries.oneOf(
                Arbitraries.of("0", "0.5", "1", "2", "3.5").map(RuleEffect::multiplier),
                Arbitraries.longs().between(0, 40).map(RuleEffect::pointsPerUnit),
                Arbitraries.longs().between(0, 200).map(RuleEffect::bonusPerOrder),
                Arbitraries.longs().between(0, 60).map(RuleEffect::bonusPerItem),
                Arbitraries.just(RuleEffect.earnsNothing()));
        Arbitrary<OptionalLong> cap = Arbitraries.oneOf(
                Arbitraries.just(OptionalLong.empty()),
                Arbitraries.longs().between(1, 500).map(OptionalLong::of));
        Arbitrary<RuleCaps> caps = Combinators.combine(cap, cap, cap).as(RuleCaps::new);
        Arbitrary<BigDecimal> minimum = Arbitraries.of("0", "0", "100", "1000").map(BigDecimal::new);
        return Combinators.combine(
                        scope, effect, caps, minimum, Arbitraries.integers().between(0, 3))
                .as((s, e, c, m, priority) ->
                        new EarningRule(0, 1, "rule", s, e, CampaignWindow.always(), Set.of(), m, c, priority));
    }
}
