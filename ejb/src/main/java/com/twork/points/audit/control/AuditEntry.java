package com.twork.points.audit.control;

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
