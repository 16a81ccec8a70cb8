package com.twork.points.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The one change the audit log accepts to a written row (docs/privacy.md): an erasure replaces the personal fields
 * (reason, client address, details) of the rows about the erased member by NULL and marks them with its own row,
 * which lists them ({@link AuditChain}). Runs inside the erasure's transaction.
 */
@ApplicationScoped
public class AuditRedaction {
    private static final int CHUNK = 500;

    @PersistenceContext
    EntityManager em;

    /**
     * The rows still carrying personal data about the member: rows about the member, rows written by one of its
     * customer accounts ({@code actorNames}, e.g. {@code account:7}) and account rows naming one of those accounts
     * ({@code account 7 ...}, which carry the login).
     */
    public List<AuditChain.Redaction> rowsAbout(long userId, List<Long> accountIds) {
        StringBuilder where = new StringBuilder("member_user_id = ?1");
        for (int i = 0; i < accountIds.size(); i++) {
            long account = accountIds.get(i);
            where.append(" OR actor = 'account:")
                    .append(account)
                    .append("' OR (action LIKE 'account.%' AND (details = 'account ")
                    .append(account)
                    .append("' OR details LIKE 'account ")
                    .append(account)
                    .append(" %'))");
        }
        List<?> rows = em.createNativeQuery("SELECT id, " + AuditEntry.COLUMNS + ", hash FROM audit_log"
                        + " WHERE redacted_by IS NULL AND action <> '" + AuditChain.ERASURE_ACTION + "' AND ("
                        + where + ") ORDER BY id")
                .setParameter(1, userId)
                .getResultList();
        List<AuditChain.Redaction> redactions = new ArrayList<>();
        for (Object value : rows) {
            Object[] row = (Object[]) value;
            AuditEntry entry = AuditEntry.fromRow(row, 1);
            redactions.add(
                    new AuditChain.Redaction(((Number) row[0]).longValue(), (String) row[12], entry.redactedDigest()));
        }
        return redactions;
    }

    /** Removes the personal fields of the listed rows and marks them as redacted by the erasure row. */
    public void redact(List<AuditChain.Redaction> redactions, long erasureRowId) {
        for (int from = 0; from < redactions.size(); from += CHUNK) {
            List<Long> ids = redactions.subList(from, Math.min(redactions.size(), from + CHUNK)).stream()
                    .map(AuditChain.Redaction::id)
                    .toList();
            em.createNativeQuery("UPDATE audit_log SET reason = NULL, client_address = NULL, details = NULL,"
                            + " redacted_by = ?1 WHERE id IN (?2)")
                    .setParameter(1, erasureRowId)
                    .setParameter(2, ids)
                    .executeUpdate();
        }
    }
}
