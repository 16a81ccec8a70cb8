package com.twork.points.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the server did with one sync item. */
public enum SyncStatus {
    /** Written now. */
    APPLIED,
    /** Already in the ledger (an echo, a recorded {@code client_ref}, or a paired {@code /earn}): nothing written. */
    DUPLICATE,
    /** An {@code expire} item: expiry is the server's business. */
    IGNORED,
    /** Refused for the reason in {@code code} and {@code message}; the other items are unaffected. */
    REJECTED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SyncStatus> fromWire(String wire) {
        return Arrays.stream(values())
                .filter(status -> status.wire().equals(wire))
                .findFirst();
    }
}
