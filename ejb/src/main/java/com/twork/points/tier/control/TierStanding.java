package com.twork.points.tier.control;

import java.math.BigDecimal;
import java.util.Optional;

/** Where a member stands: the tier reached and what it takes to reach the next one (none at the top). */
public record TierStanding(
        String key, String label, BigDecimal multiplier, Optional<String> nextKey, Optional<Long> pointsToNext) {}
