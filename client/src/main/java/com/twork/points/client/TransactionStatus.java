package com.twork.points.client;

import java.util.Locale;

/** Ledger row states a history query can ask for ({@code available} only, unless asked). */
public enum TransactionStatus {
    AVAILABLE,
    PENDING,
    VOID;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
