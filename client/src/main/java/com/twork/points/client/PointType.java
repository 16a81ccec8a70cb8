package com.twork.points.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The seven transaction types of the ledger, as the wire names them. */
public enum PointType {
    EARN,
    REDEEM,
    EXPIRE,
    REFERRAL,
    BIRTHDAY,
    REFUND,
    ADJUST;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PointType> fromWire(String wire) {
        return Arrays.stream(values()).filter(type -> type.wire().equals(wire)).findFirst();
    }

    /** Whether a sync item of this type takes points (redeem) rather than giving them. */
    public boolean isDebit() {
        return this == REDEEM || this == EXPIRE;
    }
}
