package com.twork.points.order.boundary;

import com.twork.points.order.entity.ShopOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** An order as the console lists it: seen, and what it awarded, took back and refunded. */
public record OrderView(
        String orderId,
        Optional<Long> userId,
        String status,
        BigDecimal total,
        BigDecimal eligibleTotal,
        int awarded,
        int awardCount,
        int reversed,
        int refundedRedeemed,
        Instant firstSeenAt,
        Instant updatedAt) {

    public static OrderView of(ShopOrder order) {
        return new OrderView(
                order.orderId(),
                order.userId(),
                order.status(),
                order.total(),
                order.eligibleTotal(),
                order.awarded(),
                order.awardCount(),
                order.reversed(),
                order.refundedRedeemed(),
                order.firstSeenAt(),
                order.updatedAt());
    }
}
