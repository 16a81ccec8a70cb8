package com.twork.points.ledger.rest;

/** The member's tier in the balance response; {@code next_key} and {@code points_to_next} are null at the top. */
public record TierBody(String key, String label, double multiplier, String nextKey, Long pointsToNext) {}
