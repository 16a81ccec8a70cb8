package com.twork.points.ledger.boundary;

import com.twork.points.ledger.entity.PointTransaction;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a member's history, with what the caller needs to show it (site zone, the read moment) and, for the
 * rows of the page that a staff void undid, the id of the row that voided each.
 */
public record HistoryPage(
        List<PointTransaction> rows,
        long total,
        int page,
        int perPage,
        Instant readAt,
        ZoneId siteZone,
        Map<Long, Long> voidedBy) {

    public long totalPages() {
        return (total + perPage - 1) / perPage;
    }

    /** The row that voided this one, if a void did. */
    public Optional<Long> voidedBy(PointTransaction row) {
        return Optional.ofNullable(voidedBy.get(row.id()));
    }
}
