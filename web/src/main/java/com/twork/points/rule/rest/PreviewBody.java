package com.twork.points.rule.rest;

import java.util.List;

/** {@code POST /rules/preview}: what the order would earn now, and why. */
public record PreviewBody(long points, String tier, List<BreakdownEntryBody> breakdown) {}
