package com.twork.points.expiry.boundary;

import com.twork.points.audit.control.AuditTrail;
import com.twork.points.expiry.control.ExpirySweeper;
import com.twork.points.expiry.control.SweepResult;
import com.twork.points.security.boundary.RequiresPermission;
import com.twork.points.security.entity.Permission;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** The staff action "run expiry now" (console, reports page): the same sweep as the timer's, audited. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExpiryService {
    @Inject
    ExpirySweeper sweeper;

    @Inject
    AuditTrail audit;

    @RequiresPermission(value = Permission.WRITE, keys = false)
    public SweepResult runNow() {
        SweepResult result = sweeper.sweep();
        audit.action("expiry.run_now", result.toString());
        return result;
    }
}
