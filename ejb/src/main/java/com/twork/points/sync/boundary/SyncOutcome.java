package com.twork.points.sync.boundary;

import java.util.List;

/** Every item's result, in request order, and the balance after the batch. */
public record SyncOutcome(List<SyncItemResult> results, long newBalance) {

    public long count(SyncItemResult.Status status) {
        return results.stream().filter(result -> result.status() == status).count();
    }
}
