package com.twork.points.audit.control;

import com.twork.points.platform.control.Times;
import com.twork.points.security.control.KeyHashing;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One audit row's content. {@link #canonical()} is the exact text the chain hashes: every field in a fixed
 * order, separated by a character that cannot appear in them unescaped.
 */
public record AuditEntry(
        Instant at,
        String actor,
        String action,
        Long memberUserId,
        Long delta,
        String reason,
        Long balanceBefore,
        Long balanceAfter,
        Long transactionId,
        String clientAddress,
        String details) {

    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** The audit_log columns an entry is read from, in {@link #fromRow}'s order. */
    public static final String COLUMNS = "created_at, actor, action, member_user_id, delta, reason, balance_before,"
            + " balance_after, transaction_id, client_address, details";

    /** The entry in a native query's row whose {@link #COLUMNS} start at index {@code first}. */
    public static AuditEntry fromRow(Object[] row, int first) {
        return new AuditEntry(
                Times.instant(row[first]),
                (String) row[first + 1],
                (String) row[first + 2],
                number(row[first + 3]),
                number(row[first + 4]),
                (String) row[first + 5],
                number(row[first + 6]),
                number(row[first + 7]),
                number(row[first + 8]),
                (String) row[first + 9],
                (String) row[first + 10]);
    }

    private static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    public String canonical() {
        return String.join(
                "\u001f",
                MICROS.format(at),
                text(actor),
                text(action),
                text(memberUserId),
                text(delta),
                text(reason),
                text(balanceBefore),
                text(balanceAfter),
                text(transactionId),
                text(clientAddress),
                text(details));
    }

    /**
     * This entry with its personal fields (free-text reason, client address, details) removed: what an erasure
     * leaves of a row about the erased member (docs/privacy.md).
     */
    public AuditEntry redacted() {
        return new AuditEntry(
                at, actor, action, memberUserId, delta, null, balanceBefore, balanceAfter, transactionId, null, null);
    }

    /**
     * SHA-256 hex of the redacted content: the erasure row lists it for every row it redacted, so the chain check
     * still proves each kept field of a redacted row.
     */
    public String redactedDigest() {
        return KeyHashing.sha256Hex(redacted().canonical());
    }

    /** SHA-256 hex of the previous row's hash followed by this row's canonical content. */
    public String chainHash(String previousHash) {
        return KeyHashing.sha256Hex(previousHash + canonical());
    }

    private static String text(Object value) {
        return value == null ? "\u0000" : value.toString().replace("\\", "\\\\").replace("\u001f", "\\u001f");
    }
}
