package com.twork.points.rule.control;

import java.math.BigDecimal;

/**
 * A line of a WooCommerce order as it arrives ({@code line_items[]}): its id, the product (the parent product of a
 * variation), the line's SKU, quantity and total after discounts without tax. The catalog adds the categories.
 */
public record LineItem(String key, long productId, String sku, int quantity, BigDecimal total) {}
