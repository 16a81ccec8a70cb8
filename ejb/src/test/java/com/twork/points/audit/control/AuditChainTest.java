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
}
