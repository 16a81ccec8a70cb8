package com.twork.points.rule.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Turns an order and the active rules into an explained award by the one stacking policy of docs/rules.md:
 *
 * <ol>
 *   <li>rules outside their window, for another tier or above the order's value are left out;
 *   <li>per line, "earns nothing" wins over everything; else the rate rule that gives the line the most points
 *       replaces the default rate (ties: higher priority, then the older rule); with none, the default rate;
 *   <li>per-item bonuses of every covering rule are added, per-order bonuses once per order that has a covered
 *       line;
 *   <li>rate points are rounded once for the order (down) and spread over lines by largest remainder, so an order
 *       without rules earns exactly floor(eligible total × rate × tier multiplier), as before rules existed;
 *   <li>caps come last, per rule, on what the rule added, line by line in order.
 * </ol>
 *
 * <p>Pure: the result depends only on the arguments, never on the order of the rules given.
 */
public final class RuleEvaluator {
    static final String BASE_LABEL = "Base rate";

    private RuleEvaluator() {}

    public static AwardBreakdown evaluate(Collection<EarningRule> rules, AwardContext order) {
        List<EarningRule> live = rules.stream()
                .filter(rule -> rule.appliesTo(order))
                .sorted(EarningRule.PRECEDENCE)
                .toList();
        List<OrderLine> lines = order.lines();
        BigDecimal rate = order.pointsRate().multiply(order.tierMultiplier());
        int count = lines.size();
        BigDecimal[] base = new BigDecimal[count];
        BigDecimal[] earned = new BigDecimal[count];
        EarningRule[] rateRule = new EarningRule[count];
        boolean[] earnsNothing = new boolean[count];
        List<List<EarningRule>> covering = new ArrayList<>(count);
        ScopeIndex index = ScopeIndex.of(live);
        for (int i = 0; i < count; i++) {
            OrderLine line = lines.get(i);
            List<EarningRule> covers = index.covering(line);
            covering.add(covers);
            base[i] = line.amount().multiply(rate);
            earned[i] = base[i];
            for (EarningRule rule : covers) {
                if (rule.effect().kind() == RuleEffect.Kind.EARNS_NOTHING) {
                    earnsNothing[i] = true;
                    rateRule[i] = rule;
                    earned[i] = BigDecimal.ZERO;
                    break;
                }
                if (rule.effect().kind().isRate()) {
                    BigDecimal points = ratePoints(rule.effect(), line, order, rate);
                    if (rateRule[i] == null || points.compareTo(earned[i]) > 0) {
                        rateRule[i] = rule;
                        earned[i] = points;
                    }
                }
            }
        }
        long[] baseInt = spread(base);
        long[] earnedInt = spread(earned);
        List<AwardBreakdown.Entry> entries = new ArrayList<>();
        // Per-order bonuses of rules covering at least one line that earns: once each, after the lines.
        Set<EarningRule> perOrderBonuses = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < count; i++) {
            String key = lines.get(i).key();
            // Every line has its default-rate entry, even at 0: it carries the line into the stored breakdown.
            entries.add(new AwardBreakdown.Entry(key, AwardBreakdown.BASE_RATE, 0, BASE_LABEL, baseInt[i], false));
            if (rateRule[i] != null) {
                entries.add(entry(key, rateRule[i], earnedInt[i] - baseInt[i]));
            }
            if (!earnsNothing[i]) {
                for (EarningRule rule : covering.get(i)) {
                    if (rule.effect().kind() == RuleEffect.Kind.BONUS_PER_ORDER) {
                        perOrderBonuses.add(rule);
                    }
                    if (rule.effect().kind() == RuleEffect.Kind.BONUS_PER_ITEM) {
                        entries.add(entry(
                                key,
                                rule,
                                whole(rule.effect()
                                        .amount()
                                        .multiply(
                                                BigDecimal.valueOf(lines.get(i).quantity())))));
                    }
                }
            }
        }
        for (EarningRule rule : live) {
            if (perOrderBonuses.contains(rule)) {
                entries.add(entry(
                        AwardBreakdown.WHOLE_ORDER, rule, whole(rule.effect().amount())));
            }
        }
        return new AwardBreakdown(applyCaps(live, entries, order.usage()));
    }

    private static BigDecimal ratePoints(RuleEffect effect, OrderLine line, AwardContext order, BigDecimal rate) {
        return effect.kind() == RuleEffect.Kind.MULTIPLIER
                ? line.amount().multiply(rate).multiply(effect.amount())
                : effect.amount().multiply(BigDecimal.valueOf(line.quantity())).multiply(order.tierMultiplier());
    }

    private static AwardBreakdown.Entry entry(String line, EarningRule rule, long points) {
        return new AwardBreakdown.Entry(line, rule.id(), rule.version(), rule.label(), points, false);
    }

    private static long whole(BigDecimal points) {
        return points.setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /**
     * Rounds the sum down once and spreads it over the lines: each line gets its floor, the points left go one each
     * to the largest fractions (ties: the earlier line). The lines always add up to floor(sum).
     */
    static long[] spread(BigDecimal[] exact) {
        long[] whole = new long[exact.length];
        BigDecimal sum = BigDecimal.ZERO;
        long floors = 0;
        for (int i = 0; i < exact.length; i++) {
            whole[i] = whole(exact[i]);
            floors += whole[i];
            sum = sum.add(exact[i]);
        }
        long left = whole(sum) - floors;
        Integer[] byFraction = IntStream.range(0, exact.length).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(
                byFraction,
                Comparator.comparing((Integer i) -> exact[i].subtract(BigDecimal.valueOf(whole[i])))
                        .reversed()
                        .thenComparingInt(i -> i));
        for (int k = 0; k < left; k++) {
            whole[byFraction[k]]++;
        }
        return whole;
    }

    /** Each capped rule keeps what it added up to the room its caps leave, lines in order; the rest is cut. */
    private static List<AwardBreakdown.Entry> applyCaps(
            List<EarningRule> live, List<AwardBreakdown.Entry> entries, RuleUsage usage) {
        List<AwardBreakdown.Entry> capped = new ArrayList<>(entries);
        for (EarningRule rule : live) {
            if (!rule.caps().any()) {
                continue;
            }
            long room = rule.caps().room(usage.today(rule.id()), usage.campaign(rule.id()));
            for (int i = 0; i < capped.size(); i++) {
                AwardBreakdown.Entry entry = capped.get(i);
                if (entry.ruleId() != rule.id() || entry.points() <= 0) {
                    continue;
                }
                long kept = Math.min(entry.points(), room);
                room -= kept;
                if (kept < entry.points()) {
                    capped.set(
                            i,
                            new AwardBreakdown.Entry(
                                    entry.line(), entry.ruleId(), entry.ruleVersion(), entry.label(), kept, true));
                }
            }
        }
        return capped;
    }
}
