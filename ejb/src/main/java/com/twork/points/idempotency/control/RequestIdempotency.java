package com.twork.points.idempotency.control;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The Idempotency-Key claim this request holds, if any, so the use case can store it on the row it writes in its
 * own transaction (and find that row again when a retry takes over a claim whose answer was never stored).
 */
@RequestScoped
public class RequestIdempotency {
    private String scope;

    public void claimed(String claimedScope) {
        this.scope = claimedScope;
    }

    public Optional<String> scope() {
        return Optional.ofNullable(scope);
    }
}
