package com.twork.points.audit.boundary;

import com.twork.points.audit.control.AuditEntry;
import com.twork.points.platform.control.Times;
import com.twork.points.security.boundary.RequiresPermission;
import com.twork.points.security.entity.Permission;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Reading and verifying the audit trail (staff only). */
@Stateless
public class AuditService {
    private static final int PAGE = 1_000;

    @PersistenceContext
    EntityManager em;

    /**
     * Recomputes every row's hash from its content and its predecessor's hash, in id order, and checks the chain
     * head points at the last row. Any edit, deletion or insertion in the table shows up here.
     */
    @RequiresPermission(value = Permission.READ, keys = false)
    public ChainVerification verify() {
        // The head first: rows appended while we verify are beyond it and not part of this check.
        Object[] head = (Object[]) em.createNativeQuery("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1")
                .getSingleResult();
        long headId = ((Number) head[0]).longValue();
        String previous = "0".repeat(64);
        long checked = 0;
        long lastId = 0;
        while (true) {
            List<?> rows = em.createNativeQuery("SELECT id, created_at, actor, action, member_user_id, delta, reason,"
                            + " balance_before, balance_after, transaction_id, client_address, details, prev_hash, hash"
                            + " FROM audit_log WHERE id > ?1 AND id <= ?2 ORDER BY id LIMIT " + PAGE)
                    .setParameter(1, lastId)
                    .setParameter(2, headId)
                    .getResultList();
            if (rows.isEmpty()) {
                break;
            }
            for (Object value : rows) {
                Object[] row = (Object[]) value;
                long id = ((Number) row[0]).longValue();
                AuditEntry entry = new AuditEntry(
                        Times.instant(row[1]),
                        (String) row[2],
                        (String) row[3],
                        number(row[4]),
                        number(row[5]),
                        (String) row[6],
                        number(row[7]),
                        number(row[8]),
                        number(row[9]),
                        (String) row[10],
                        (String) row[11]);
                if (!previous.equals(row[12])) {
                    return new ChainVerification(
                            checked, Optional.of(id), "row " + id + " does not follow its predecessor");
                }
                String expected = entry.chainHash(previous);
                if (!expected.equals(row[13])) {
                    return new ChainVerification(
                            checked, Optional.of(id), "row " + id + " was changed after it was written");
                }
                previous = expected;
                lastId = id;
                checked++;
            }
        }
        if (headId != lastId || !previous.equals(head[1])) {
            return new ChainVerification(checked, Optional.of(lastId), "rows after " + lastId + " were removed");
        }
        return new ChainVerification(checked, Optional.empty(), "intact");
    }

    private static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
