package com.twork.points.ledger.control;

import com.twork.points.ledger.entity.TransactionStatus;
import com.twork.points.ledger.entity.TransactionType;
import com.twork.points.platform.control.ClientDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * Which rows of one member's history to list. {@code statuses} defaults to available rows only (pending and
 * void rows are shown only when asked for); {@code search} matches the description or the order id; the date
 * bounds are inclusive, a bare-date upper bound meaning the end of that day.
 */
public record HistoryFilter(
        Optional<TransactionType> type,
        Optional<String> search,
        Optional<String> orderId,
        Optional<ClientDateTime> from,
        Optional<ClientDateTime> to,
        Set<TransactionStatus> statuses,
        boolean ascending) {

    public static HistoryFilter newestFirst() {
        return new HistoryFilter(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Set.of(TransactionStatus.AVAILABLE),
                false);
    }
}
