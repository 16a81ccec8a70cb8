package com.twork.points.tier.boundary;

/** One tier as a staff member submitted it: the key names the tier, the rest is raw form input. */
public record TierEdit(String key, String label, String threshold, String multiplier, String benefits) {}
