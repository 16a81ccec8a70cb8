package com.twork.points.ledger.entity;

/** Which door a ledger row came in through. */
public enum TransactionSource {
    REST("rest"),
    SYNC("sync"),
    WEBHOOK("webhook"),
    ADMIN("admin"),
    JOB("job"),
    IMPORT("import");

    private final String wire;

    TransactionSource(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static TransactionSource fromWire(String value) {
        for (TransactionSource source : values()) {
            if (source.wire.equals(value)) {
                return source;
            }
        }
        throw new IllegalArgumentException("Unknown transaction source: " + value);
    }
}
