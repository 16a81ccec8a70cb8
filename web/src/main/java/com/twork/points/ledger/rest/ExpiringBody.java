package com.twork.points.ledger.rest;

import java.util.List;

/** {@code GET /expiring/{user_id}}: lots expiring within 30 days, soonest first, and how many. */
public record ExpiringBody(List<ExpiringRow> transactions, int count) {}
