package com.twork.points.ops.boundary;

import com.twork.points.audit.control.AuditTrail;
import com.twork.points.ledger.boundary.AdjustmentRefusedException;
import com.twork.points.ops.control.Reconciliation;
import com.twork.points.security.boundary.RequiresPermission;
import com.twork.points.security.entity.Permission;
import com.twork.points.security.entity.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The staff side of reconciliation (SPEC §9): see which members' stored balance disagrees with their ledger,
 * and repair one on purpose. The lots are the truth: a repair sets the stored balance to what the member's
 * available lots hold, audited. When the ledger rows themselves disagree (lots vs credits minus debits), no
 * automatic repair is offered: that needs a correcting adjustment with a reason.
 */
@Stateless
public class ReconciliationService {
    @Inject
    Reconciliation reconciliation;

    @Inject
    AuditTrail audit;

    @PersistenceContext
    EntityManager em;

    @RequiresPermission(value = Permission.READ, keys = false)
    public List<Reconciliation.Drift> drifts() {
        return reconciliation.drifts(1_000);
    }

    @RequiresPermission(value = Permission.WRITE, keys = false, staff = Role.ADMIN)
    public Reconciliation.Drift repair(long userId, String reason) {
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw new AdjustmentRefusedException("A reason is required to repair a balance");
        }
        em.createNativeQuery("SELECT user_id FROM point_account WHERE user_id = ?1 FOR UPDATE")
                .setParameter(1, userId)
                .getResultList();
        Reconciliation.Drift drift = reconciliation.drifts(1_000).stream()
                .filter(candidate -> candidate.userId() == userId)
                .findFirst()
                .orElseThrow(() -> new AdjustmentRefusedException("Member " + userId + " has no drift to repair"));
        if (drift.lotsRemaining() != drift.ledgerNet() || drift.lotsRemaining() < 0) {
            throw new AdjustmentRefusedException("The ledger rows of member " + userId
                    + " disagree with each other; correct them with an adjustment instead");
        }
        em.createNativeQuery("UPDATE point_account SET balance = ?2, version = version + 1 WHERE user_id = ?1")
                .setParameter(1, userId)
                .setParameter(2, drift.lotsRemaining())
                .executeUpdate();
        audit.points(
                "balance.repaired",
                userId,
                drift.lotsRemaining() - drift.balance(),
                why,
                drift.balance(),
                drift.lotsRemaining(),
                0);
        return drift;
    }
}
