package com.twork.points.audit.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Re-computes the audit hash chain from stored rows: every row must name its predecessor's hash and carry the
 * hash of its own content, and the chain head must point at the last row. One rule for the server (rows read
 * through JPA) and the command line (rows read through JDBC), so both judge a chain the same way.
 *
 * <p>The one accepted change to a written row is an erasure's redaction (docs/privacy.md): the row's personal
 * fields become NULL and {@code redacted_by} names the later {@value #ERASURE_ACTION} row, which lists the redacted
 * row's id, its stored hash and the SHA-256 of its redacted content ({@link #listing}). A redacted row keeps its
 * stored hash as its link; its kept fields are proved by the listing, and the listing by the erasure row's own hash.
 * A row marked redacted that no erasure row lists exactly as it is counts as changed.
 */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);
    public static final String ERASURE_ACTION = "member.erased";
    private static final String LISTED = "redacted ";
    private static final int PAGE = 1_000;

    private AuditChain() {}

    /**
     * One stored row: its content, the predecessor hash it names, its own stored hash and, when an erasure redacted
     * it, the id of that erasure's row (else null).
     */
    public record StoredRow(long id, AuditEntry entry, String prevHash, String hash, Long redactedBy) {
        public StoredRow(long id, AuditEntry entry, String prevHash, String hash) {
            this(id, entry, prevHash, hash, null);
        }
    }

    /** Reads up to {@code limit} rows with {@code afterId < id <= headId}, in id order. */
    @FunctionalInterface
    public interface Rows {
        List<StoredRow> page(long afterId, long headId, int limit);
    }

    /** How many rows were checked, the first wrong one if any, and a sentence for people. */
    public record Result(long rowsChecked, Optional<Long> firstBrokenId, String detail) {
        public boolean intact() {
            return firstBrokenId.isEmpty();
        }
    }

    /** One row an erasure redacted, as its erasure row lists it. */
    public record Redaction(long id, String hash, String redactedDigest) {
        String line() {
            return LISTED + id + " " + hash + " " + redactedDigest;
        }
    }

    /** The lines an erasure row's details carry for the rows it redacted, one per row. */
    public static String listing(List<Redaction> redactions) {
        StringBuilder text = new StringBuilder();
        for (Redaction redaction : redactions) {
            text.append('\n').append(redaction.line());
        }
        return text.toString();
    }

    static List<Redaction> listed(String details) {
        List<Redaction> redactions = new ArrayList<>();
        if (details == null) {
            return redactions;
        }
        for (String line : details.split("\n")) {
            if (!line.startsWith(LISTED)) {
                continue;
            }
            String[] parts = line.substring(LISTED.length()).split(" ");
            if (parts.length == 3 && parts[0].matches("[0-9]{1,18}")) {
                redactions.add(new Redaction(Long.parseLong(parts[0]), parts[1], parts[2]));
            }
        }
        return redactions;
    }

    /**
     * Verifies the rows up to the head ({@code headId}, {@code headHash}) read beforehand: rows appended while
     * verifying are beyond it and not part of this check.
     */
    public static Result verify(long headId, String headHash, Rows rows) {
        String previous = GENESIS;
        long checked = 0;
        long lastId = 0;
        // Redacted rows met so far whose erasure row has not vouched for them yet, by id.
        Map<Long, StoredRow> unvouched = new HashMap<>();
        while (true) {
            List<StoredRow> page = rows.page(lastId, headId, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (StoredRow row : page) {
                if (!previous.equals(row.prevHash())) {
                    return new Result(
                            checked, Optional.of(row.id()), "row " + row.id() + " does not follow its predecessor");
                }
                if (row.redactedBy() != null) {
                    if (row.redactedBy() <= row.id()) {
                        return changed(checked, row.id());
                    }
                    unvouched.put(row.id(), row);
                    previous = row.hash();
                } else {
                    String expected = row.entry().chainHash(previous);
                    if (!expected.equals(row.hash())) {
                        return changed(checked, row.id());
                    }
                    if (ERASURE_ACTION.equals(row.entry().action())) {
                        Optional<Long> wrong = vouch(row, unvouched);
                        if (wrong.isPresent()) {
                            return changed(checked, wrong.get());
                        }
                    }
                    previous = expected;
                }
                lastId = row.id();
                checked++;
            }
        }
        if (!unvouched.isEmpty()) {
            return changed(
                    checked, unvouched.keySet().stream().min(Long::compare).orElseThrow());
        }
        if (headId != lastId || !previous.equals(headHash)) {
            return new Result(checked, Optional.of(lastId), "rows after " + lastId + " were removed");
        }
        return new Result(checked, Optional.empty(), "intact");
    }

    /** Checks the rows an erasure row lists against the redacted rows that name it; the first mismatch, if any. */
    private static Optional<Long> vouch(StoredRow erasure, Map<Long, StoredRow> unvouched) {
        for (Redaction listed : listed(erasure.entry().details())) {
            StoredRow redacted = unvouched.get(listed.id());
            if (redacted == null || redacted.redactedBy() != erasure.id()) {
                continue;
            }
            if (!redacted.hash().equals(listed.hash())
                    || !redacted.entry().redactedDigest().equals(listed.redactedDigest())) {
                return Optional.of(listed.id());
            }
            unvouched.remove(listed.id());
        }
        return Optional.empty();
    }

    private static Result changed(long checked, long id) {
        return new Result(checked, Optional.of(id), "row " + id + " was changed after it was written");
    }
}
