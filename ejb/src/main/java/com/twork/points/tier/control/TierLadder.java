package com.twork.points.tier.control;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The tiers ordered by threshold; places an earned-points figure on them. */
public final class TierLadder {
    /** One rung; the ladder is a plain value so it can be cached and tested without a database. */
    public record Rung(String key, String label, long threshold, BigDecimal multiplier) {}

    /** The defaults of SPEC §6.3, used when the tier table is empty. */
    public static final TierLadder DEFAULT = new TierLadder(List.of(
            new Rung("basic", "Basic", 0, new BigDecimal("1.000")),
            new Rung("bronze", "Bronze", 5_000, new BigDecimal("1.100")),
            new Rung("silver", "Silver", 10_000, new BigDecimal("1.200")),
            new Rung("gold", "Gold", 20_000, new BigDecimal("1.300")),
            new Rung("platinum", "Platinum", 50_000, new BigDecimal("1.500"))));

    private final List<Rung> rungs;

    public TierLadder(List<Rung> rungs) {
        this.rungs =
                rungs.stream().sorted(Comparator.comparingLong(Rung::threshold)).toList();
    }

    public List<Rung> rungs() {
        return rungs;
    }

    public TierStanding place(long earned) {
        if (rungs.isEmpty()) {
            return DEFAULT.place(earned);
        }
        Rung reached = rungs.get(0);
        Optional<Rung> next = Optional.empty();
        for (Rung rung : rungs) {
            if (rung.threshold() <= earned) {
                reached = rung;
            } else {
                next = Optional.of(rung);
                break;
            }
        }
        return new TierStanding(
                reached.key(),
                reached.label(),
                reached.multiplier(),
                next.map(Rung::key),
                next.map(rung -> rung.threshold() - Math.max(earned, 0)));
    }
}
