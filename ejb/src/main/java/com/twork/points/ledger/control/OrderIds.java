package com.twork.points.ledger.control;

import java.util.Locale;
import java.util.Optional;

/** SPEC §5.4: order ids are trimmed and lose a leading {@code WC-} or {@code #}, so "WC-77" and "77" are one order. */
public final class OrderIds {
    private OrderIds() {}

    public static Optional<String> normalise(String orderId) {
        if (orderId == null) {
            return Optional.empty();
        }
        String id = orderId.trim();
        if (id.toUpperCase(Locale.ROOT).startsWith("WC-")) {
            id = id.substring(3).trim();
        } else if (id.startsWith("#")) {
            id = id.substring(1).trim();
        }
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }
}
