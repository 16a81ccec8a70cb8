package com.twork.points.rule.control;

import java.util.Collections;
import java.util.Set;

/**
 * Which lines a rule covers: every product when all three inclusion sets are empty, else the products named, in the
 * categories named or with the SKUs named. An exclusion always wins over an inclusion.
 */
public record RuleScope(
        Set<Long> products,
        Set<Long> categories,
        Set<String> skus,
        Set<Long> excludedProducts,
        Set<Long> excludedCategories,
        Set<String> excludedSkus) {

    public RuleScope {
        products = Set.copyOf(products);
        categories = Set.copyOf(categories);
        skus = Set.copyOf(skus);
        excludedProducts = Set.copyOf(excludedProducts);
        excludedCategories = Set.copyOf(excludedCategories);
        excludedSkus = Set.copyOf(excludedSkus);
    }

    public static RuleScope all() {
        return new RuleScope(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    public boolean coversEverything() {
        return products.isEmpty() && categories.isEmpty() && skus.isEmpty();
    }

    /** True when the rule applies to this line; unknown products and the order's remainder are never covered. */
    public boolean covers(OrderLine line) {
        if (!line.known() || excludes(line)) {
            return false;
        }
        return coversEverything()
                || products.contains(line.productId())
                || (!line.sku().isEmpty() && skus.contains(line.sku()))
                || !Collections.disjoint(categories, line.categories());
    }

    private boolean excludes(OrderLine line) {
        return excludedProducts.contains(line.productId())
                || (!line.sku().isEmpty() && excludedSkus.contains(line.sku()))
                || !Collections.disjoint(excludedCategories, line.categories());
    }

    /** Whether two scopes name the same targets (used to refuse two rules of equal priority on one scope). */
    public boolean sameTargets(RuleScope other) {
        return products.equals(other.products)
                && categories.equals(other.categories)
                && skus.equals(other.skus)
                && excludedProducts.equals(other.excludedProducts)
                && excludedCategories.equals(other.excludedCategories)
                && excludedSkus.equals(other.excludedSkus);
    }
}
