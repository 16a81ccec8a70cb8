package com.twork.points.audit.boundary;

import java.util.Optional;

/** The result of re-computing the audit chain: how many rows were checked and the first one that is wrong. */
public record ChainVerification(long rowsChecked, Optional<Long> firstBrokenId, String detail) {
    public boolean intact() {
        return firstBrokenId.isEmpty();
    }
}
