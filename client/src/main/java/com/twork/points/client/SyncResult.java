package com.twork.points.client;

import java.util.List;

/**
 * {@code POST /sync}: {@code synced} counts applied items, {@code success} is true when nothing was rejected,
 * {@code errors} has one readable line per rejected item and {@code results} one entry per item, in order.
 */
public record SyncResult(
        boolean success, long synced, int total, List<String> errors, long newBalance, List<SyncItemResult> results) {
    public SyncResult {
        errors = List.copyOf(errors);
        results = List.copyOf(results);
    }
}
