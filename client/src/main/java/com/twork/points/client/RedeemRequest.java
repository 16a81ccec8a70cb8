package com.twork.points.client;

import java.math.BigDecimal;
import java.util.Optional;

/** {@code POST /redeem}: spend points (the server's default description is "Points redeemed"). */
public record RedeemRequest(
        long userId,
        int points,
        Optional<String> description,
        Optional<String> orderId,
        Optional<BigDecimal> orderTotal) {

    public RedeemRequest {
        Checks.userId(userId);
        Checks.points(points);
        description.ifPresent(Checks::description);
        orderId.ifPresent(Checks::orderId);
    }

    public static RedeemRequest of(long userId, int points) {
        return new RedeemRequest(userId, points, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public RedeemRequest withDescription(String text) {
        return new RedeemRequest(userId, points, Optional.of(text), orderId, orderTotal);
    }

    public RedeemRequest withOrderId(String order) {
        return new RedeemRequest(userId, points, description, Optional.of(order), orderTotal);
    }

    /** The order's total, for the server's redemption limits (when it enforces them). */
    public RedeemRequest withOrderTotal(BigDecimal total) {
        return new RedeemRequest(userId, points, description, orderId, Optional.of(total));
    }
}
