package com.twork.points.rule.control;

import java.math.BigDecimal;
import java.util.Objects;

/** What a rule does to the lines it covers; {@code amount} is the factor or the points, by kind. */
public record RuleEffect(Kind kind, BigDecimal amount) {

    public enum Kind {
        /** The line earns the default rate times {@code amount} (2 = double points). A rate effect. */
        MULTIPLIER,
        /** The line earns {@code amount} points per unit instead of the default rate. A rate effect. */
        POINTS_PER_UNIT,
        /** {@code amount} points once per order that has at least one covered line. */
        BONUS_PER_ORDER,
        /** {@code amount} points per unit of every covered line. */
        BONUS_PER_ITEM,
        /** The line earns nothing at all, from any rule. */
        EARNS_NOTHING;

        public boolean isRate() {
            return this == MULTIPLIER || this == POINTS_PER_UNIT;
        }

        public boolean isBonus() {
            return this == BONUS_PER_ORDER || this == BONUS_PER_ITEM;
        }
    }

    public RuleEffect {
        Objects.requireNonNull(kind, "kind");
        amount = kind == Kind.EARNS_NOTHING ? BigDecimal.ZERO : Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a rule's amount is never negative");
        }
    }

    public static RuleEffect multiplier(String factor) {
        return new RuleEffect(Kind.MULTIPLIER, new BigDecimal(factor));
    }

    public static RuleEffect pointsPerUnit(long points) {
        return new RuleEffect(Kind.POINTS_PER_UNIT, BigDecimal.valueOf(points));
    }

    public static RuleEffect bonusPerOrder(long points) {
        return new RuleEffect(Kind.BONUS_PER_ORDER, BigDecimal.valueOf(points));
    }

    public static RuleEffect bonusPerItem(long points) {
        return new RuleEffect(Kind.BONUS_PER_ITEM, BigDecimal.valueOf(points));
    }

    public static RuleEffect earnsNothing() {
        return new RuleEffect(Kind.EARNS_NOTHING, BigDecimal.ZERO);
    }

    /** How the effect reads in a breakdown line, e.g. "2×" or "+50". */
    public String shortLabel() {
        return switch (kind) {
            case MULTIPLIER -> amount.stripTrailingZeros().toPlainString() + "×";
            case POINTS_PER_UNIT -> amount.toPlainString() + " per unit";
            case BONUS_PER_ORDER -> "+" + amount.toPlainString() + " per order";
            case BONUS_PER_ITEM -> "+" + amount.toPlainString() + " per item";
            case EARNS_NOTHING -> "no points";
        };
    }
}
