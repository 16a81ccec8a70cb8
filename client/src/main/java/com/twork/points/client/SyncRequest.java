package com.twork.points.client;

import java.util.List;

/** {@code POST /sync}: one member's items; each is applied, recognised as a duplicate, or rejected on its own. */
public record SyncRequest(long userId, List<SyncItem> items) {
    public SyncRequest {
        Checks.userId(userId);
        items = List.copyOf(items);
    }
}
