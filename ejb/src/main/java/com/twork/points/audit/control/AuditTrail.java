package com.twork.points.audit.control;

import com.twork.points.platform.control.AppClock;
import com.twork.points.security.control.AuthenticatedCaller;
import com.twork.points.security.control.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Records a staff action with who did it and from where, taken from the current request. Joins the caller's
 * transaction (the action and its row commit together); a caller without one (a sweep run on demand) gets one.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AuditTrail {
    @Inject
    AuditWriter writer;

    @Inject
    CallerContext caller;

    @Inject
    AppClock clock;

    /** A change to a member's points, with the reason the staff member gave. */
    public long points(
            String action, long userId, long delta, String reason, long before, long after, long transactionId) {
        return writer.append(new AuditEntry(
                clock.now(),
                actor(),
                action,
                userId,
                delta,
                reason,
                before,
                after,
                transactionId,
                caller.clientAddress(),
                null));
    }

    /** A staff change to a member's record (not its points), with the reason given and what changed. */
    public long member(String action, long userId, String reason, String details) {
        return writer.append(new AuditEntry(
                clock.now(), actor(), action, userId, null, reason, null, null, null, caller.clientAddress(), details));
    }

    /** Any other staff action (keys, accounts, settings), described in {@code details}. */
    public long action(String action, String details) {
        return writer.append(new AuditEntry(
                clock.now(), actor(), action, null, null, null, null, null, null, caller.clientAddress(), details));
    }

    private String actor() {
        return caller.caller().map(AuthenticatedCaller::actor).orElse("system");
    }
}
