package com.twork.points.audit.control;

import java.util.List;
import java.util.Optional;

/**
 * Re-computes the audit hash chain from stored rows: every row must name its predecessor's hash and carry the
 * hash of its own content, and the chain head must point at the last row. One rule for the server (rows read
 * through JPA) and the command line (rows read through JDBC), so both judge a chain the same way.
 */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);
    private static final int PAGE = 1_000;

    private AuditChain() {}

    /** One stored row: its content, the predecessor hash it names and its own stored hash. */
    public record StoredRow(long id, AuditEntry entry, String prevHash, String hash) {}

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

    /**
     * Verifies the rows up to the head ({@code headId}, {@code headHash}) read beforehand: rows appended while
     * verifying are beyond it and not part of this check.
     */
    public static Result verify(long headId, String headHash, Rows rows) {
        String previous = GENESIS;
        long checked = 0;
        long lastId = 0;
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
                String expected = row.entry().chainHash(previous);
                if (!expected.equals(row.hash())) {
                    return new Result(
                            checked, Optional.of(row.id()), "row " + row.id() + " was changed after it was written");
                }
                previous = expected;
                lastId = row.id();
                checked++;
            }
        }
        if (headId != lastId || !previous.equals(headHash)) {
            return new Result(checked, Optional.of(lastId), "rows after " + lastId + " were removed");
        }
        return new Result(checked, Optional.empty(), "intact");
    }
}
