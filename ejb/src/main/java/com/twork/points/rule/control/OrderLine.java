package com.twork.points.rule.control;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * One line of an order as the rules see it: the catalog facts of its product and what it contributes to the
 * eligible total (its amount after discounts, without tax). {@code known} is false for a product the catalog has
 * not heard of and for the order's remainder (fees): such a line earns the default rate and no rule touches it.
 */
public record OrderLine(
        String key, long productId, String sku, Set<Long> categories, int quantity, BigDecimal amount, boolean known) {

    /** The part of the eligible total that is not in any product line (fees, or an order sent without lines). */
    public static final String REMAINDER = "other";

    public OrderLine {
        Objects.requireNonNull(key, "key");
        sku = sku == null ? "" : sku;
        categories = Set.copyOf(categories);
        quantity = Math.max(0, quantity);
        amount = amount.signum() < 0 ? BigDecimal.ZERO : amount;
    }

    public static OrderLine product(
            String key, long productId, String sku, Set<Long> categories, int quantity, BigDecimal amount) {
        return new OrderLine(key, productId, sku, categories, quantity, amount, true);
    }

    /** A product line whose product the catalog does not know: counted, earns the default rate. */
    public static OrderLine unknownProduct(String key, long productId, String sku, int quantity, BigDecimal amount) {
        return new OrderLine(key, productId, sku, Set.of(), quantity, amount, false);
    }

    public static OrderLine remainder(BigDecimal amount) {
        return new OrderLine(REMAINDER, 0, "", Set.of(), 0, amount, false);
    }
}
