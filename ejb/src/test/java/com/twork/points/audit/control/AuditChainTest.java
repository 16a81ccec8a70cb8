package com.twork.points.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    private final List<AuditChain.StoredRow> rows = new ArrayList<>();
    private String head = AuditChain.GENESIS;

    private void append(String action, Long member, Long delta) {
        AuditEntry entry = new AuditEntry(
                Instant.parse("2026-01-15T10:30:00.123456Z"),
                "cli",
                action,
                member,
                delta,
                "reason " + action,
                null,
                null,
                null,
                "localhost",
                null);
        String hash = entry.chainHash(head);
        rows.add(new AuditChain.StoredRow(rows.size() + 1L, entry, head, hash));
        head = hash;
    }

    private AuditChain.Result verify(long headId, String headHash) {
        // Pages of two rows, to exercise the paging.
        return AuditChain.verify(
                headId,
                headHash,
                (afterId, headLimit, limit) -> rows.stream()
                        .filter(row -> row.id() > afterId && row.id() <= headLimit)
                        .limit(Math.min(limit, 2))
                        .toList());
    }

    @Test
    void anIntactChainOfSeveralPagesVerifies() {
        for (int i = 0; i < 5; i++) {
            append("points.adjusted", 7L, (long) i);
        }
        AuditChain.Result result = verify(5, head);
        assertTrue(result.intact(), result.detail());
        assertEquals(5, result.rowsChecked());
    }

    @Test
    void anEmptyChainAtGenesisVerifies() {
        assertTrue(verify(0, AuditChain.GENESIS).intact());
    }

    @Test
    void anEditedRowIsNamed() {
        append("a", 1L, 1L);
        append("b", 1L, 2L);
        append("c", 1L, 3L);
        AuditChain.StoredRow second = rows.get(1);
        AuditEntry edited = new AuditEntry(
                second.entry().at(),
                second.entry().actor(),
                second.entry().action(),
                second.entry().memberUserId(),
                999L,
                second.entry().reason(),
                null,
                null,
                null,
                "localhost",
                null);
        rows.set(1, new AuditChain.StoredRow(2, edited, second.prevHash(), second.hash()));
        AuditChain.Result result = verify(3, head);
        assertFalse(result.intact());
        assertEquals(Optional.of(2L), result.firstBrokenId());
        assertEquals(1, result.rowsChecked());
    }

    @Test
    void aRemovedLastRowIsDetectedThroughTheHead() {
        append("a", null, null);
        append("b", null, null);
        String headHash = head;
        rows.remove(1);
        AuditChain.Result result = verify(2, headHash);
        assertFalse(result.intact());
        assertEquals("rows after 1 were removed", result.detail());
    }

    /** Appends an erasure row listing rows 1..n's redactions, then redacts them as the erasure does. */
    private void eraseRows(long... ids) {
        List<AuditChain.Redaction> listed = new ArrayList<>();
        for (long id : ids) {
            AuditChain.StoredRow row = rows.get((int) id - 1);
            listed.add(new AuditChain.Redaction(id, row.hash(), row.entry().redactedDigest()));
        }
        AuditEntry erasure = new AuditEntry(
                Instant.parse("2026-02-01T00:00:00Z"),
                "account:1",
                AuditChain.ERASURE_ACTION,
                7L,
                null,
                "ticket 1",
                null,
                null,
                null,
                "127.0.0.1",
                "member 7 erased" + AuditChain.listing(listed));
        String hash = erasure.chainHash(head);
        long erasureId = rows.size() + 1L;
        rows.add(new AuditChain.StoredRow(erasureId, erasure, head, hash));
        head = hash;
        for (long id : ids) {
            AuditChain.StoredRow row = rows.get((int) id - 1);
            rows.set(
                    (int) id - 1,
                    new AuditChain.StoredRow(id, row.entry().redacted(), row.prevHash(), row.hash(), erasureId));
        }
    }

    @Test
    void rowsRedactedByAListedErasureStillVerify() {
        append("points.adjusted", 7L, 5L);
        append("points.adjusted", 8L, 6L);
        append("points.adjusted", 7L, 7L);
        eraseRows(1, 3);
        append("points.adjusted", 8L, 1L);
        AuditChain.Result result = verify(5, head);
        assertTrue(result.intact(), result.detail());
        assertEquals(5, result.rowsChecked());
        assertEquals(null, rows.get(0).entry().reason(), "the personal fields are gone");
    }

    @Test
    void aKeptFieldChangedInARedactedRowIsNamed() {
        append("points.adjusted", 7L, 5L);
        append("points.adjusted", 7L, 6L);
        eraseRows(1, 2);
        AuditChain.StoredRow second = rows.get(1);
        AuditEntry kept = second.entry();
        AuditEntry edited = new AuditEntry(
                kept.at(), kept.actor(), kept.action(), kept.memberUserId(), 600L, null, null, null, null, null, null);
        rows.set(1, new AuditChain.StoredRow(2, edited, second.prevHash(), second.hash(), second.redactedBy()));
        AuditChain.Result result = verify(3, head);
        assertFalse(result.intact());
        assertEquals(Optional.of(2L), result.firstBrokenId());
    }

    @Test
    void aRowMarkedRedactedThatNoErasureListsIsNamed() {
        append("points.adjusted", 7L, 5L);
        append("points.adjusted", 7L, 6L);
        eraseRows(1);
        AuditChain.StoredRow second = rows.get(1);
        rows.set(1, new AuditChain.StoredRow(2, second.entry().redacted(), second.prevHash(), second.hash(), 3L));
        AuditChain.Result result = verify(3, head);
        assertFalse(result.intact());
        assertEquals(Optional.of(2L), result.firstBrokenId());
    }

    @Test
    void aRedactionNamingAnEarlierRowIsRefused() {
        append("points.adjusted", 7L, 5L);
        append("points.adjusted", 7L, 6L);
        AuditChain.StoredRow second = rows.get(1);
        rows.set(1, new AuditChain.StoredRow(2, second.entry().redacted(), second.prevHash(), second.hash(), 1L));
        assertEquals(Optional.of(2L), verify(2, head).firstBrokenId());
    }
}
