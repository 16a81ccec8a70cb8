package com.twork.points.rule.rest;

/** {@code POST /rules/dry-run}: what the rule would have cost over the period (liability in currency). */
public record DryRunBody(
        String from, String to, long extraPoints, long membersReached, long ordersReached, String liability) {}
