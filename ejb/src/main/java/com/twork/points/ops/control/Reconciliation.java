package com.twork.points.ops.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Checks the invariant of SPEC §2 for every member: balance = Σ remaining of available lots = Σ available
 * credits − Σ debits ≥ 0. Reads only; repairs are a staff action.
 */
@ApplicationScoped
public class Reconciliation {
    @PersistenceContext
    EntityManager em;

    /** A member whose stored balance disagrees with its ledger. */
    public record Drift(long userId, long balance, long lotsRemaining, long ledgerNet) {}

    public List<Drift> drifts(int limit) {
        List<?> rows = em.createNativeQuery("SELECT a.user_id, a.balance, COALESCE(l.remaining, 0), COALESCE(l.net, 0)"
                        + " FROM point_account a LEFT JOIN (SELECT t.user_id, SUM(t.remaining) remaining,"
                        + "   SUM(CASE WHEN t.type IN ('redeem', 'expire') THEN -t.points ELSE t.points END) net"
                        + "   FROM point_transaction t WHERE t.status = 'available' GROUP BY t.user_id) l"
                        + " ON l.user_id = a.user_id"
                        + " WHERE a.balance < 0 OR a.balance <> COALESCE(l.remaining, 0) OR a.balance <> COALESCE(l.net, 0)"
                        + " ORDER BY a.user_id LIMIT " + limit)
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new Drift(
                        ((Number) row[0]).longValue(),
                        ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue(),
                        ((Number) row[3]).longValue()))
                .toList();
    }
}
