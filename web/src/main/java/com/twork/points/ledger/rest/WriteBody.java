package com.twork.points.ledger.rest;

/** {@code POST /earn} and {@code /redeem}: {@code {"success": true, "transaction_id", "new_balance"}}. */
public record WriteBody(boolean success, long transactionId, long newBalance) {}
