package com.twork.points.launcher.tools.bench;

import com.twork.points.rule.control.AwardContext;
import com.twork.points.rule.control.CampaignWindow;
import com.twork.points.rule.control.EarningRule;
import com.twork.points.rule.control.OrderLine;
import com.twork.points.rule.control.RuleCaps;
import com.twork.points.rule.control.RuleEffect;
import com.twork.points.rule.control.RuleEvaluator;
import com.twork.points.rule.control.RuleScope;
import com.twork.points.rule.control.RuleUsage;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code ./twork bench-rules}: what the earning rules cost an order award in CPU. Evaluates a 20-line order against
 * 0, 10 and 200 active rules (a realistic mix: multipliers on categories, points per unit, per-item and per-order
 * bonuses, exclusions, windows in the site zone, capped rules with usage) on one thread, prints awards per second
 * per core and writes the table, with the machine and the date, into the rules section of docs/benchmarks.md. The database side of an award is unchanged by the number of rules (docs/benchmarks.md says which
 * statements rules add), so this is the whole difference the rule count makes.
 */
public final class RuleBench {
    private final PrintStream out;

    public RuleBench(PrintStream out) {
        this.out = out;
    }

    /** Measures, prints the table and writes it with its machine and date into {@code report}'s rules section. */
    public void run(int seconds, Path report) throws IOException {
        AwardContext order = order();
        StringBuilder table = new StringBuilder(String.format(
                Locale.ROOT,
                "Run %s UTC on %s; %d s per row after a 2 s warm-up, one thread.%n%n",
                LocalDateTime.now(ZoneOffset.UTC).withNano(0).toString().replace('T', ' '),
                ReportSection.machine(),
                seconds));
        table.append("| active rules | awards/s (one core) | µs per award | entries in the breakdown |\n");
        table.append("|---:|---:|---:|---:|\n");
        for (int count : new int[] {0, 10, 200}) {
            List<EarningRule> rules = rules(count);
            measure(rules, order, 2);
            long[] result = measure(rules, order, seconds);
            double perSecond = result[0] / (double) seconds;
            table.append(String.format(
                    Locale.ROOT,
                    "| %d | %,.0f | %.1f | %d |%n",
                    count,
                    perSecond,
                    1_000_000 / perSecond,
                    RuleEvaluator.evaluate(rules, order).entries().size()));
        }
        out.print(table);
        ReportSection.write(report, "rules", table.toString());
        out.println("Written to " + report);
    }

    /**
     * The same three rule counts end to end ({@link AwardBench}): awards per second through the order webhook,
     * written into the report's rule-awards section.
     */
    public int runHttp(Path work, Path payaraJar, Path war, int seconds, int connections, Path report)
            throws Exception {
        String table = new AwardBench(out).run(work, payaraJar, war, seconds, connections);
        out.print(table);
        ReportSection.write(report, "rule-awards", table);
        out.println("Written to " + report);
        return 0;
    }

    private static long[] measure(List<EarningRule> rules, AwardContext order, int seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long awards = 0;
        long sink = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++) {
                sink += RuleEvaluator.evaluate(rules, order).total();
            }
            awards += 100;
        }
        return new long[] {awards, sink};
    }

    static AwardContext order() {
        List<OrderLine> lines = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 1; i <= 20; i++) {
            long product = 1 + random.nextInt(400);
            lines.add(OrderLine.product(
                    String.valueOf(i),
                    product,
                    "SKU-" + product,
                    Set.of(product % 40, 100 + product % 7),
                    1 + random.nextInt(3),
                    BigDecimal.valueOf(100 + random.nextInt(9_900), 2)));
        }
        BigDecimal total = lines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<Long, Long> used = new HashMap<>();
        for (long id = 1; id <= 200; id++) {
            used.put(id, id % 50);
        }
        return new AwardContext(
                Instant.parse("2026-07-04T10:00:00Z"),
                ZoneId.of("Europe/Berlin"),
                "silver",
                new BigDecimal("1.2"),
                BigDecimal.ONE,
                total,
                lines,
                new RuleUsage(used, used));
    }

    static List<EarningRule> rules(int count) {
        List<EarningRule> rules = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 1; i <= count; i++) {
            RuleEffect effect = switch (i % 5) {
                case 0 -> RuleEffect.multiplier(String.valueOf(2 + random.nextInt(3)));
                case 1 -> RuleEffect.pointsPerUnit(5 + random.nextInt(20));
                case 2 -> RuleEffect.bonusPerItem(10 + random.nextInt(40));
                case 3 -> RuleEffect.bonusPerOrder(50 + random.nextInt(100));
                default -> i % 20 == 4 ? RuleEffect.earnsNothing() : RuleEffect.multiplier("1.5");
            };
            RuleScope scope = new RuleScope(
                    new HashSet<>(List.of(1L + random.nextInt(400), 1L + random.nextInt(400))),
                    Set.of((long) random.nextInt(40)),
                    Set.of("SKU-" + (1 + random.nextInt(400))),
                    Set.of(1L + random.nextInt(400)),
                    i % 3 == 0 ? Set.of(100L + random.nextInt(7)) : Set.of(),
                    Set.of());
            CampaignWindow window = i % 4 == 0
                    ? CampaignWindow.between(
                            LocalDateTime.parse("2026-07-01T00:00"), LocalDateTime.parse("2026-08-01T00:00"))
                    : CampaignWindow.always();
            RuleCaps caps = i % 2 == 0
                    ? new RuleCaps(OptionalLong.of(500), OptionalLong.of(1_000), OptionalLong.of(5_000))
                    : RuleCaps.none();
            rules.add(new EarningRule(
                    i,
                    1,
                    "Rule " + i,
                    scope,
                    effect,
                    window,
                    i % 6 == 0 ? Set.of("silver", "gold") : Set.of(),
                    BigDecimal.valueOf(i % 7 == 0 ? 50 : 0),
                    caps,
                    i));
        }
        return rules;
    }
}
