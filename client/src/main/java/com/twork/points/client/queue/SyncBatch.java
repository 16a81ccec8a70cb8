package com.twork.points.client.queue;

import com.twork.points.client.PointsProtocolException;
import com.twork.points.client.SyncItem;
import com.twork.points.client.SyncItemResult;
import com.twork.points.client.SyncRequest;
import com.twork.points.client.SyncResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** One request's worth of one member's transactions and its idempotency key. */
record SyncBatch(String key, List<QueueState.Entry> entries) {
    Set<String> ids() {
        return entries.stream().map(QueueState.Entry::id).collect(Collectors.toSet());
    }

    SyncRequest request() {
        return new SyncRequest(
                entries.get(0).transaction().userId(),
                entries.stream()
                        .map(entry -> item(entry.transaction(), entry.queuedAt()))
                        .toList());
    }

    /** Pairs each item with its result; an answer that does not match the request is a protocol failure. */
    List<SyncItemResult> matched(SyncResult result) {
        List<SyncItemResult> results = result.results();
        boolean matches = results.size() == entries.size();
        for (int i = 0; matches && i < results.size(); i++) {
            SyncItemResult item = results.get(i);
            matches = item.index() == i
                    && item.id().equals(Optional.of(entries.get(i).id()));
        }
        if (!matches) {
            throw new PointsProtocolException(200, "The sync answer does not match the batch sent", null);
        }
        return results;
    }

    private static SyncItem item(QueuedTransaction transaction, Instant queuedAt) {
        return new SyncItem(
                transaction.id(),
                transaction.type(),
                transaction.points(),
                transaction.description(),
                transaction.orderId(),
                transaction.expiresAt(),
                Optional.of(queuedAt));
    }
}
