package com.twork.points.ledger.boundary;

import com.twork.points.ledger.entity.PointTransaction;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** One page of a member's history, with what the caller needs to show it (site zone, the read moment). */
public record HistoryPage(
        List<PointTransaction> rows, long total, int page, int perPage, Instant readAt, ZoneId siteZone) {

    public long totalPages() {
        return (total + perPage - 1) / perPage;
    }
}
