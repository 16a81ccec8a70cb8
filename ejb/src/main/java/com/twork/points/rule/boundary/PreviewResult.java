package com.twork.points.rule.boundary;

import com.twork.points.rule.control.AwardBreakdown;

/** What an order would earn now, explained, without anything written. */
public record PreviewResult(long points, String tier, AwardBreakdown breakdown) {}
