package com.twork.points.client.queue;

import com.twork.points.client.Checks;
import com.twork.points.client.PointType;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A point transaction waiting for the server. Its queue id is {@code point-<client transaction id>}: deterministic,
 * so adding the same transaction twice keeps one, and it becomes the server's {@code client_ref}, so replaying it
 * any number of times credits or debits once.
 *
 * @param id {@code point-} + the caller's own id of the transaction (e.g. its local row id or a UUID)
 */
public record QueuedTransaction(
        String id,
        long userId,
        PointType type,
        int points,
        Optional<String> description,
        Optional<String> orderId,
        Optional<OffsetDateTime> expiresAt) {
    public static final String ID_PREFIX = "point-";
    private static final int MAX_CLIENT_ID = Checks.MAX_ID - ID_PREFIX.length();

    public QueuedTransaction {
        if (!id.startsWith(ID_PREFIX)) {
            throw new IllegalArgumentException("a queue id starts with " + ID_PREFIX);
        }
        checkClientTransactionId(id.substring(ID_PREFIX.length()));
        Checks.userId(userId);
        Checks.points(points);
        if (type == PointType.EXPIRE) {
            throw new IllegalArgumentException("expiry is the server's business; expire cannot be queued");
        }
        description.ifPresent(Checks::description);
        orderId.ifPresent(Checks::orderId);
        if (type == PointType.REDEEM && expiresAt.isPresent()) {
            throw new IllegalArgumentException("a redemption has no expiry");
        }
    }

    /** Points earned ({@code type} earn). */
    public static QueuedTransaction earn(String clientTransactionId, long userId, int points) {
        return credit(PointType.EARN, clientTransactionId, userId, points);
    }

    /** Points spent. */
    public static QueuedTransaction redeem(String clientTransactionId, long userId, int points) {
        return of(PointType.REDEEM, clientTransactionId, userId, points);
    }

    /** A credit of another type: referral, birthday, refund or (positive) adjust. */
    public static QueuedTransaction credit(PointType type, String clientTransactionId, long userId, int points) {
        if (type.isDebit()) {
            throw new IllegalArgumentException(type.wire() + " is not a credit");
        }
        return of(type, clientTransactionId, userId, points);
    }

    /** A random client transaction id, for callers that have none of their own. */
    public static String newClientTransactionId() {
        return UUID.randomUUID().toString();
    }

    private static QueuedTransaction of(PointType type, String clientTransactionId, long userId, int points) {
        return new QueuedTransaction(
                ID_PREFIX + checkClientTransactionId(clientTransactionId),
                userId,
                type,
                points,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public QueuedTransaction withDescription(String text) {
        return new QueuedTransaction(id, userId, type, points, Optional.of(text), orderId, expiresAt);
    }

    public QueuedTransaction withOrderId(String order) {
        return new QueuedTransaction(id, userId, type, points, description, Optional.of(order), expiresAt);
    }

    public QueuedTransaction withExpiresAt(OffsetDateTime time) {
        return new QueuedTransaction(id, userId, type, points, description, orderId, Optional.of(time));
    }

    public String clientTransactionId() {
        return id.substring(ID_PREFIX.length());
    }

    private static String checkClientTransactionId(String clientId) {
        if (clientId.isEmpty()
                || clientId.length() > MAX_CLIENT_ID
                || !clientId.equals(clientId.strip())
                || clientId.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a client transaction id has 1 to " + MAX_CLIENT_ID
                    + " characters, no control characters and no surrounding spaces");
        }
        return clientId;
    }

    /** Never prints the description or order id (they may be personal). */
    @Override
    public String toString() {
        return "QueuedTransaction[" + id + ", " + type.wire() + " " + points + "]";
    }
}
