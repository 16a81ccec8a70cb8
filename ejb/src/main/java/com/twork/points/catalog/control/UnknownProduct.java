package com.twork.points.catalog.control;

import java.time.Instant;

/**
 * A product that orders named and the catalog does not know (never imported, or deleted): such lines earn only the
 * default rate (decision 104). {@code lines} order lines over the period, {@code lastSeen} the latest award.
 */
public record UnknownProduct(long productId, long lines, long quantity, Instant lastSeen) {}
