package com.twork.points.ledger.boundary;

import com.twork.points.ledger.control.PointsLedger;
import com.twork.points.ledger.entity.TransactionSource;
import com.twork.points.platform.control.TransientFailures;
import com.twork.points.security.boundary.RequiresPermission;
import com.twork.points.security.control.AuthenticatedCaller;
import com.twork.points.security.control.CallerContext;
import com.twork.points.security.entity.Permission;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Staff changes to a member's points (managers and admins, never API keys): credit or debit with a required
 * reason, and void a transaction with a compensating {@code adjust}. Both are audited in the same transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AdjustmentService {
    @Inject
    PointsLedger ledger;

    @Inject
    CallerContext caller;

    @RequiresPermission(value = Permission.WRITE, keys = false)
    public AdjustmentResult adjust(long userId, long delta, String reason) {
        PointsLedger.Actor actor = actor();
        return TransientFailures.retry(() -> ledger.adjust(userId, delta, reason, actor));
    }

    @RequiresPermission(value = Permission.WRITE, keys = false)
    public AdjustmentResult voidTransaction(long transactionId, String reason) {
        PointsLedger.Actor actor = actor();
        return TransientFailures.retry(() -> ledger.voidTransaction(transactionId, reason, actor));
    }

    private PointsLedger.Actor actor() {
        AuthenticatedCaller verified = caller.caller().orElseThrow();
        return new PointsLedger.Actor(verified.actor(), TransactionSource.ADMIN, false);
    }
}
