package com.twork.points.ledger.entity;

import java.util.Optional;

/** Whether a ledger row counts: {@code pending} awards wait for release, {@code void} rows never count. */
public enum TransactionStatus {
    AVAILABLE("available"),
    PENDING("pending"),
    VOID("void");

    private final String wire;

    TransactionStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<TransactionStatus> fromWire(String value) {
        for (TransactionStatus status : values()) {
            if (status.wire.equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
