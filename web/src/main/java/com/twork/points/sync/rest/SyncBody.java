package com.twork.points.sync.rest;

import java.util.List;

/**
 * {@code POST /sync}: {@code synced} counts applied items, {@code success} is true when nothing was rejected,
 * {@code errors} holds one readable line per rejected item.
 */
public record SyncBody(
        boolean success, long synced, int total, List<String> errors, long newBalance, List<SyncItemBody> results) {}
