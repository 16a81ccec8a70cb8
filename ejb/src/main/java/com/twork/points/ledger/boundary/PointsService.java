package com.twork.points.ledger.boundary;

import com.twork.points.ledger.control.PointsLedger;
import com.twork.points.ledger.entity.TransactionSource;
import com.twork.points.ops.control.PointsMetrics;
import com.twork.points.platform.boundary.ApplicationFailure;
import com.twork.points.platform.control.TransientFailures;
import com.twork.points.security.boundary.CustomerAccess;
import com.twork.points.security.boundary.RequiresPermission;
import com.twork.points.security.control.AuthenticatedCaller;
import com.twork.points.security.control.CallerContext;
import com.twork.points.security.entity.Permission;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The write routes of the points API. Each method authenticates (through the interceptor binding), then runs
 * its use case as one transaction, again from the start if MariaDB broke a deadlock or a concurrent writer won a
 * race, and answers 503 if that keeps happening. No transaction here: each attempt commits or rolls back on its
 * own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PointsService {
    @Inject
    PointsLedger ledger;

    @Inject
    CallerContext caller;

    @Inject
    PointsMetrics metrics;

    @RequiresPermission(Permission.WRITE)
    public WriteResult earn(EarnCommand command) {
        PointsLedger.Actor actor = actor();
        return counted(command.type().wire(), () -> TransientFailures.retry(() -> ledger.earn(command, actor)));
    }

    @RequiresPermission(value = Permission.WRITE, customers = CustomerAccess.OWN_MEMBER)
    public WriteResult redeem(RedeemCommand command) {
        PointsLedger.Actor actor = actor();
        return counted("redeem", () -> TransientFailures.retry(() -> ledger.redeem(command, actor)));
    }

    /** Counts the write by type and outcome: applied, replayed (an existing row answered), rejected, failed. */
    private WriteResult counted(String type, Supplier<WriteResult> write) {
        try {
            WriteResult result = write.get();
            metrics.transaction(type, result.existing() ? "replayed" : "applied");
            return result;
        } catch (ApplicationFailure rejected) {
            metrics.transaction(type, "rejected");
            throw rejected;
        } catch (RuntimeException failed) {
            metrics.transaction(type, "failed");
            throw failed;
        }
    }

    /** Empty for user id 0, which the plugin answers with a 200 that says "Invalid user ID.". */
    @RequiresPermission(Permission.WRITE)
    public Optional<ExpiryResult> expireNow(long userId) {
        if (userId == 0) {
            return Optional.empty();
        }
        PointsLedger.Actor actor = actor();
        return Optional.of(TransientFailures.retry(() -> ledger.expireNow(userId, actor)));
    }

    @RequiresPermission(Permission.WRITE)
    public WriteResult referral(long userId, long referredUserId) {
        PointsLedger.Actor actor = actor();
        return TransientFailures.retry(() -> ledger.referral(userId, referredUserId, actor));
    }

    @RequiresPermission(Permission.WRITE)
    public WriteResult birthday(long userId) {
        PointsLedger.Actor actor = actor();
        return TransientFailures.retry(() -> ledger.birthday(userId, actor));
    }

    private PointsLedger.Actor actor() {
        AuthenticatedCaller verified = caller.caller()
                .orElseThrow(() -> new IllegalStateException("the interceptor lets no unauthenticated call through"));
        return new PointsLedger.Actor(verified.actor(), TransactionSource.REST, verified.mayCreateMembers());
    }
}
