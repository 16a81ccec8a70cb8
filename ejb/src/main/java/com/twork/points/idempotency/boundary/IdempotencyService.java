package com.twork.points.idempotency.boundary;

import com.twork.points.idempotency.control.ClaimsInFlight;
import com.twork.points.idempotency.control.IdempotencyRecords;
import com.twork.points.idempotency.control.IdempotencyRecords.StoredRecord;
import com.twork.points.idempotency.control.RequestIdempotency;
import com.twork.points.platform.boundary.ServerInstance;
import com.twork.points.platform.control.AppClock;
import com.twork.points.security.boundary.CustomerAccess;
import com.twork.points.security.boundary.RequiresPermission;
import com.twork.points.security.control.AuthenticatedCaller;
import com.twork.points.security.control.CallerContext;
import com.twork.points.security.control.KeyHashing;
import com.twork.points.security.entity.Permission;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * SPEC §3.7 Idempotency-Key: an answer is stored per (credential, method, path, key) with a hash of the body,
 * for at least 24 hours. Each step is its own short transaction, committed before or after the request's own
 * work, so a concurrent duplicate sees the claim at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IdempotencyService {
    static final Duration KEEP = Duration.ofHours(25);
    /**
     * A claim older than this with no answer belongs to a request that died, whatever its instance's heartbeat
     * says (claims recorded before instances had heartbeats carry no owner): it may be taken. Far longer than the
     * slowest request can run (4 attempts at most 10 s lock wait each, a 5,000-item batch). A claim whose instance
     * stopped beating is taken much sooner ({@link ServerInstance#DEAD_AFTER_SECONDS}).
     */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(15);

    @Inject
    IdempotencyRecords records;

    @Inject
    AppClock clock;

    @Inject
    CallerContext caller;

    @Inject
    RequestIdempotency requestIdempotency;

    @Inject
    ServerInstance instance;

    @Inject
    ClaimsInFlight inFlight;

    private IdempotencyClaim started(String scope) {
        inFlight.carry(scope);
        requestIdempotency.claimed(scope);
        return new IdempotencyClaim.Started(scope);
    }

    /**
     * Claims the key for this request. Authenticates first (the interceptor binding), so an unknown or revoked
     * caller neither creates records nor gets stored answers back. {@code memberUserId}: the member the request is
     * about, kept with the record so that erasing the member deletes it (docs/privacy.md).
     */
    @RequiresPermission(value = Permission.WRITE, customers = CustomerAccess.ANY)
    public IdempotencyClaim claim(
            String method, String path, String key, String requestHash, Optional<Long> memberUserId) {
        // The scope is the verified caller: one key or one logged-in session, never a shared "anonymous".
        AuthenticatedCaller verified = caller.caller().orElseThrow();
        String credential = verified.actor()
                + verified.sessionId().map(id -> "/session:" + id).orElse("");
        String scope = KeyHashing.sha256Hex(credential + '\n' + method + '\n' + path + '\n' + key);
        Instant now = clock.now();
        String owner = instance.id();
        if (records.insertIfAbsent(
                scope, credential, method, path, key, requestHash, owner, memberUserId, now, now.plus(KEEP))) {
            return started(scope);
        }
        Optional<StoredRecord> stored = records.find(scope);
        if (stored.isEmpty()) {
            // Removed between our insert attempt and the read (an abandoned 5xx): claim it afresh.
            return records.insertIfAbsent(
                            scope, credential, method, path, key, requestHash, owner, memberUserId, now, now.plus(KEEP))
                    ? started(scope)
                    : new IdempotencyClaim.InProgress();
        }
        StoredRecord record = stored.get();
        if (!record.requestHash().equals(requestHash)) {
            return new IdempotencyClaim.Reused();
        }
        if (record.complete()) {
            return new IdempotencyClaim.Replay(record.status(), record.body());
        }
        // Killed, crashed or cut off: its request will never answer, so this one may carry it out (exactly once:
        // the ledger row carries the claim and is found again, see PointsLedger#writtenUnderThisClaim).
        if (records.takeOver(scope, owner, now, now.minus(ABANDONED_AFTER), ServerInstance.DEAD_AFTER_SECONDS)) {
            return started(scope);
        }
        // Ours, but no request here carries it: it ended without its answer stored or forgotten (the database was
        // lost under it). Carrying it first makes this the only request of this instance that may take it.
        if (inFlight.carry(scope)) {
            if (records.takeOverOwn(scope, owner, now)) {
                return started(scope);
            }
            inFlight.release(scope);
        }
        return new IdempotencyClaim.InProgress();
    }

    /**
     * Stores the answer (2xx and 4xx). 5xx answers are forgotten so the request may be tried again; so are
     * 401, 403 and 429, which say nothing about the request itself.
     */
    public void finish(String scope, int status, String body) {
        if (status >= 500 || status == 401 || status == 403 || status == 429) {
            records.delete(scope);
        } else {
            records.complete(scope, status, body);
        }
    }
}
