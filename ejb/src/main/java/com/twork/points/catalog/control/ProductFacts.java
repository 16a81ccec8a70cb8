package com.twork.points.catalog.control;

import java.util.Set;

/** What the rules need to know of a product. */
public record ProductFacts(long productId, String sku, Set<Long> categories) {}
