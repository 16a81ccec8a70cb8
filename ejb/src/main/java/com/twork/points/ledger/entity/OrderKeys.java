package com.twork.points.ledger.entity;

import java.util.Locale;

/** SPEC §5.4: order ids are trimmed and lose a leading {@code WC-} or {@code #}, so "WC-77" and "77" are one order. */
public final class OrderKeys {
    private OrderKeys() {}

    /** The normalised order id, or null when there is none. */
    public static String normalise(String orderId) {
        if (orderId == null) {
            return null;
        }
        String id = orderId.trim();
        if (id.toUpperCase(Locale.ROOT).startsWith("WC-")) {
            id = id.substring(3).trim();
        } else if (id.startsWith("#")) {
            id = id.substring(1).trim();
        }
        return id.isEmpty() ? null : id;
    }
}
