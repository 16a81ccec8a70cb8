package com.twork.points.client;

import java.util.Optional;
import java.util.OptionalLong;

/** The server's answer for one sync item, by its index in the request. */
public record SyncItemResult(
        int index,
        Optional<String> id,
        SyncStatus status,
        OptionalLong transactionId,
        Optional<String> code,
        Optional<String> message) {}
