package com.twork.points.ledger.control;

import com.twork.points.ledger.entity.OrderKeys;
import java.util.Optional;

/** SPEC §5.4 order-id normalisation, for callers that prefer an Optional. */
public final class OrderIds {
    private OrderIds() {}

    public static Optional<String> normalise(String orderId) {
        return Optional.ofNullable(OrderKeys.normalise(orderId));
    }
}
