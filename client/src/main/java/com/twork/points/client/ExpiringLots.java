package com.twork.points.client;

import java.util.List;

/** {@code GET /expiring/{user_id}}: open lots expiring within 30 days, soonest first. */
public record ExpiringLots(List<ExpiringLot> lots, int count) {
    public ExpiringLots {
        lots = List.copyOf(lots);
    }
}
