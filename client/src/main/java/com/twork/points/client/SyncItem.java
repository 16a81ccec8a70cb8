package com.twork.points.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One item of {@code POST /sync}: the caller's own id (stored by the server as {@code client_ref}, so a replay is
 * recognised), a type other than {@code expire}, and the fields {@code /earn} or {@code /redeem} would take.
 * {@code createdAt} is informative only: the server records its own time.
 */
public record SyncItem(
        String id,
        PointType type,
        int points,
        Optional<String> description,
        Optional<String> orderId,
        Optional<OffsetDateTime> expiresAt,
        Optional<Instant> createdAt) {

    public SyncItem {
        if (id == null || id.isBlank() || id.length() > Checks.MAX_ID) {
            throw new IllegalArgumentException("id must be 1 to " + Checks.MAX_ID + " characters");
        }
        Checks.points(points);
        description.ifPresent(Checks::description);
        orderId.ifPresent(Checks::orderId);
    }

    public static SyncItem of(String id, PointType type, int points) {
        return new SyncItem(id, type, points, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public SyncItem withDescription(String text) {
        return new SyncItem(id, type, points, Optional.of(text), orderId, expiresAt, createdAt);
    }

    public SyncItem withOrderId(String order) {
        return new SyncItem(id, type, points, description, Optional.of(order), expiresAt, createdAt);
    }

    public SyncItem withExpiresAt(OffsetDateTime time) {
        return new SyncItem(id, type, points, description, orderId, Optional.of(time), createdAt);
    }

    public SyncItem withCreatedAt(Instant time) {
        return new SyncItem(id, type, points, description, orderId, expiresAt, Optional.of(time));
    }
}
