package com.twork.points.ledger.rest;

import java.util.List;

/** {@code GET /transactions/{user_id}}: one page of rows and the paging figures. */
public record TransactionListBody(
        List<TransactionRow> transactions, long total, int page, int perPage, long totalPages) {}
