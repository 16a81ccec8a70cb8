package com.twork.points.sync.boundary;

import com.twork.points.platform.boundary.ApplicationFailure;
import java.util.Optional;

/**
 * What happened to one item: {@code applied} (written now), {@code duplicate} (already recorded, or paired with
 * a row sent another way), {@code ignored} (expiry is the server's business) or {@code rejected} (with the
 * failure, which the web layer turns into the same code a single call would get).
 */
public record SyncItemResult(
        int index,
        Optional<String> id,
        Status status,
        Optional<Long> transactionId,
        Optional<ApplicationFailure> failure) {

    public enum Status {
        APPLIED("applied"),
        DUPLICATE("duplicate"),
        IGNORED("ignored"),
        REJECTED("rejected");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }
}
