package com.twork.points.client;

import java.util.List;

/** One page of history, newest first unless the query asked otherwise. */
public record TransactionPage(List<Transaction> transactions, long total, int page, int perPage, long totalPages) {
    public TransactionPage {
        transactions = List.copyOf(transactions);
    }
}
