package com.twork.points.security.boundary;

import com.twork.points.security.entity.ApiKey;
import com.twork.points.security.entity.Permission;
import java.time.Instant;
import java.util.Optional;

/** A key as listed: never its hashes, only the last seven characters of the consumer key. */
public record ApiKeyView(
        long id,
        String description,
        Permission permissions,
        String truncatedKey,
        Instant createdAt,
        Optional<Instant> lastAccess,
        boolean revoked) {

    public static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(
                key.id(),
                key.description(),
                key.permissions(),
                key.truncatedKey(),
                key.createdAt(),
                key.lastAccess(),
                key.isRevoked());
    }
}
