package com.twork.points.privacy.control;

import com.twork.points.audit.control.AuditChain;
import com.twork.points.audit.control.AuditEntry;
import com.twork.points.audit.control.AuditRedaction;
import com.twork.points.audit.control.AuditWriter;
import com.twork.points.ledger.control.AccountLedger;
import com.twork.points.member.boundary.MemberNotFoundException;
import com.twork.points.member.control.MemberRepository;
import com.twork.points.member.entity.Member;
import com.twork.points.platform.boundary.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Erases a member (GDPR Art. 17, docs/privacy.md) in one transaction: every personal value stored about it is
 * removed or irreversibly replaced, while amounts, types, dates, lots and allocations stay, so every total, report
 * and the reconciliation invariant are unchanged. The member is closed for good ({@code erased}) and one audit row
 * records the erasure and lists the audit rows it redacted.
 *
 * <p>Lock order as every write: the member's account row first (created if missing, so a concurrent first earn
 * queues behind the erasure too), then the member row, the audit chain head last. A write that waited for the
 * account lock reads the member's status after it and is refused; a write that got the lock first is part of the
 * books the erasure then scrubs.
 */
@ApplicationScoped
public class MemberErasure {
    private static final Logger LOG = Logger.getLogger(MemberErasure.class.getName());
    static final String INVALID_PARAMS = "invalid_params";
    static final int MAX_REASON = 1_000;
    /** Personal strings shorter than this are not searched for in free text: they would match unrelated rows. */
    private static final int SEARCHABLE = 4;

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountLedger accounts;

    @Inject
    MemberRepository members;

    @Inject
    AuditRedaction redaction;

    @Inject
    AuditWriter audit;

    /** What an erasure did: nothing when the member was already erased; else its audit row and counts per store. */
    public record Outcome(long userId, boolean alreadyErased, Optional<Long> auditId, Map<String, Integer> removed) {}

    /** Who asks: the actor recorded in the audit row, and from which client address (none for a webhook). */
    public record Requester(String actor, String clientAddress) {}

    /**
     * Erases the member. Unknown member: 404; no usable reason: 400; an erased member: nothing more is done
     * (idempotent, so a retried request or a repeated webhook is harmless).
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Outcome erase(long userId, String reason, Requester requester, Instant now) {
        if (userId <= 0) {
            throw new MemberNotFoundException();
        }
        // The account row first, as every write locks it; INSERT IGNORE inside lock() does nothing for an unknown id.
        accounts.lock(userId, now);
        Member member = members.lock(userId).orElseThrow(MemberNotFoundException::new);
        String why = requireReason(reason);
        if (member.isErased()) {
            return new Outcome(userId, true, Optional.empty(), Map.of());
        }
        List<String> personal = new ArrayList<>();
        member.email().ifPresent(personal::add);
        member.displayName().ifPresent(personal::add);
        List<Object[]> logins = rows("SELECT id, login FROM account WHERE member_user_id = ?1 ORDER BY id", userId);
        List<Long> accountIds = new ArrayList<>();
        List<String> throttleBuckets = new ArrayList<>();
        for (Object[] login : logins) {
            accountIds.add(((Number) login[0]).longValue());
            personal.add((String) login[1]);
            throttleBuckets.add("login:" + ((String) login[1]).toLowerCase(Locale.ROOT));
        }
        for (Object[] address : rows(
                "SELECT DISTINCT s.client_address FROM login_session s JOIN account a ON a.id = s.account_id"
                        + " WHERE a.member_user_id = ?1 AND s.client_address IS NOT NULL",
                userId)) {
            throttleBuckets.add("auth:" + address[0]);
        }

        Map<String, Integer> removed = new LinkedHashMap<>();
        removed.put(
                "transaction_descriptions",
                update(
                        "UPDATE point_transaction SET description = NULL WHERE user_id = ?1 AND description IS NOT NULL",
                        userId));
        removed.put(
                "webhook_bodies",
                update(
                                "UPDATE webhook_delivery d JOIN shop_order o ON d.resource_id IN (o.order_id,"
                                        + " CONCAT('\"', o.order_id, '\"')) SET d.payload = NULL"
                                        + " WHERE o.user_id = ?1 AND d.topic LIKE 'order.%' AND d.payload IS NOT NULL",
                                userId)
                        + update(
                                "UPDATE webhook_delivery SET payload = NULL WHERE topic LIKE 'customer.%'"
                                        + " AND resource_id IN (?1, ?2) AND payload IS NOT NULL",
                                Long.toString(userId), "\"" + userId + "\""));
        removed.put(
                "order_bodies",
                update(
                        "UPDATE shop_order SET last_payload = NULL WHERE user_id = ?1 AND last_payload IS NOT NULL",
                        userId));
        removed.put(
                "idempotency_records",
                update(
                        "DELETE FROM idempotency_record WHERE member_user_id = ?1 OR scope_hash IN"
                                + " (SELECT idempotency_scope FROM point_transaction WHERE user_id = ?1"
                                + " AND idempotency_scope IS NOT NULL)",
                        userId));
        removed.put(
                "sessions",
                update(
                        "DELETE s FROM login_session s JOIN account a ON a.id = s.account_id WHERE a.member_user_id = ?1",
                        userId));
        int throttles = 0;
        for (String bucket : throttleBuckets) {
            throttles += update("DELETE FROM throttle WHERE bucket = ?1", bucket);
        }
        removed.put("throttle_windows", throttles);
        // The login is replaced by a value derived from the account id alone (unique, never a person's name), the
        // password by a value no password matches, and the account is disabled: nobody can log in as it again.
        removed.put(
                "logins",
                update(
                        "UPDATE account SET login = CONCAT('erased-', id), password_hash = 'erased', enabled = FALSE,"
                                + " last_login_at = NULL, updated_at = ?1 WHERE member_user_id = ?2",
                        now,
                        userId));
        int failures = update(
                "DELETE FROM failure_event WHERE detail REGEXP ?1", "\\b(member|customer|user) " + userId + "\\b");
        for (String text : personal) {
            if (text.length() >= SEARCHABLE) {
                failures += update("DELETE FROM failure_event WHERE LOCATE(?1, detail) > 0", text);
            }
        }
        removed.put("failure_events", failures);

        member.erase(now);
        List<AuditChain.Redaction> redacted = redaction.rowsAbout(userId, accountIds);
        removed.put("audit_rows_redacted", redacted.size());
        String details = "member " + userId + " erased: " + summary(removed) + AuditChain.listing(redacted);
        long auditId = audit.append(new AuditEntry(
                now,
                requester.actor(),
                AuditChain.ERASURE_ACTION,
                userId,
                null,
                why,
                null,
                null,
                null,
                requester.clientAddress(),
                details));
        redaction.redact(redacted, auditId);
        LOG.info(() -> "Member " + userId + " erased by " + requester.actor() + " (audit row " + auditId + ")");
        return new Outcome(userId, false, Optional.of(auditId), removed);
    }

    static String requireReason(String reason) {
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new InvalidInputException(INVALID_PARAMS, "A reason (1 to 1,000 characters) is required");
        }
        return why;
    }

    private static String summary(Map<String, Integer> removed) {
        StringBuilder text = new StringBuilder();
        removed.forEach((store, count) -> text.append(text.length() == 0 ? "" : ", ")
                .append(store)
                .append(' ')
                .append(count));
        return text.toString();
    }

    private List<Object[]> rows(String sql, long userId) {
        List<?> found = em.createNativeQuery(sql).setParameter(1, userId).getResultList();
        List<Object[]> rows = new ArrayList<>();
        for (Object row : found) {
            rows.add(row instanceof Object[] columns ? columns : new Object[] {row});
        }
        return rows;
    }

    /** Runs a statement with its parameters ?1, ?2, ... in order; the number of rows it changed. */
    private int update(String sql, Object... parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.executeUpdate();
    }
}
