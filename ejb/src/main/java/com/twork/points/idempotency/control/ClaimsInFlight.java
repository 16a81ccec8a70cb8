package com.twork.points.idempotency.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Idempotency-Key claims this instance's requests are carrying out right now. A claim in the database owned by
 * this instance but absent here belongs to a request that ended without storing or forgetting its answer (the
 * database failed over under it, so even forgetting failed): a retry may take it at once instead of waiting for
 * the claim to age. This set only ever describes this JVM's own requests; claims of other instances are judged by
 * their heartbeats in the database.
 */
@ApplicationScoped
public class ClaimsInFlight {
    private final Set<String> scopes = ConcurrentHashMap.newKeySet();

    /** True when no request of this instance was carrying {@code scope}; from now on this caller is. */
    public boolean carry(String scope) {
        return scopes.add(scope);
    }

    /** The request carrying {@code scope} has ended, whether its answer was stored or not. */
    public void release(String scope) {
        scopes.remove(scope);
    }
}
