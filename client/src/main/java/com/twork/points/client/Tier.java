package com.twork.points.client;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;

/** The member's tier in a balance; {@code nextKey} and {@code pointsToNext} are empty at the top tier. */
public record Tier(
        String key, String label, BigDecimal multiplier, Optional<String> nextKey, OptionalLong pointsToNext) {}
