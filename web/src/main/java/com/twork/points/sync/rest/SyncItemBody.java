package com.twork.points.sync.rest;

/** One entry of {@code results}: {@code transaction_id} is null unless the item is (now) in the ledger. */
public record SyncItemBody(int index, String id, String status, Long transactionId, String code, String message) {}
