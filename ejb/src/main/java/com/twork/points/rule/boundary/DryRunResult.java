package com.twork.points.rule.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a rule would have cost over a past period: the points it would have added (net of what it takes away), the
 * members and orders it would have reached, and that liability in currency at today's redemption rate.
 */
public record DryRunResult(
        LocalDate from,
        LocalDate to,
        long extraPoints,
        long membersReached,
        long ordersReached,
        BigDecimal liability) {}
