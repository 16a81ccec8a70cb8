package com.twork.points.client;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code POST /earn}: a credit of {@code type} earn (default), referral, birthday, refund or adjust. Built with
 * {@link #of(long, int)} and the {@code with...} methods, each of which returns a new request.
 */
public record EarnRequest(
        long userId,
        int points,
        PointType type,
        Optional<String> description,
        Optional<String> orderId,
        Optional<OffsetDateTime> expiresAt,
        OptionalLong referredUserId) {

    public EarnRequest {
        Checks.userId(userId);
        Checks.points(points);
        if (type.isDebit()) {
            throw new IllegalArgumentException("earn takes credit types; use redeem for " + type.wire());
        }
        description.ifPresent(Checks::description);
        orderId.ifPresent(Checks::orderId);
        referredUserId.ifPresent(Checks::userId);
    }

    public static EarnRequest of(long userId, int points) {
        return new EarnRequest(
                userId,
                points,
                PointType.EARN,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalLong.empty());
    }

    public EarnRequest withType(PointType newType) {
        return new EarnRequest(userId, points, newType, description, orderId, expiresAt, referredUserId);
    }

    public EarnRequest withDescription(String text) {
        return new EarnRequest(userId, points, type, Optional.of(text), orderId, expiresAt, referredUserId);
    }

    public EarnRequest withOrderId(String order) {
        return new EarnRequest(userId, points, type, description, Optional.of(order), expiresAt, referredUserId);
    }

    /** When the lot expires (default: the server's {@code expiration_days} from now). */
    public EarnRequest withExpiresAt(OffsetDateTime time) {
        return new EarnRequest(userId, points, type, description, orderId, Optional.of(time), referredUserId);
    }

    /** For {@code type} referral: the member who was referred (one bonus per referred member). */
    public EarnRequest withReferredUserId(long referred) {
        return new EarnRequest(userId, points, type, description, orderId, expiresAt, OptionalLong.of(referred));
    }
}
