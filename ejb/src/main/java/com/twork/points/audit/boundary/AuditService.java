package com.twork.points.audit.boundary;

import com.twork.points.audit.control.AuditChain;
import com.twork.points.audit.control.AuditEntry;
import com.twork.points.security.boundary.RequiresPermission;
import com.twork.points.security.entity.Permission;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reading and verifying the audit trail (staff only). */
@Stateless
public class AuditService {
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
        AuditChain.Result result = AuditChain.verify(((Number) head[0]).longValue(), (String) head[1], this::rowsAfter);
        return new ChainVerification(result.rowsChecked(), result.firstBrokenId(), result.detail());
    }

    private List<AuditChain.StoredRow> rowsAfter(long afterId, long headId, int limit) {
        List<?> rows = em.createNativeQuery("SELECT id, " + AuditEntry.COLUMNS + ", prev_hash, hash, redacted_by"
                        + " FROM audit_log WHERE id > ?1 AND id <= ?2 ORDER BY id LIMIT " + limit)
                .setParameter(1, afterId)
                .setParameter(2, headId)
                .getResultList();
        return rows.stream()
                .map(value -> {
                    Object[] row = (Object[]) value;
                    AuditEntry entry = AuditEntry.fromRow(row, 1);
                    return new AuditChain.StoredRow(
                            ((Number) row[0]).longValue(), entry, (String) row[12], (String) row[13], number(row[14]));
                })
                .toList();
    }

    private static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
