package com.twork.points.launcher.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.launcher.tools.bench.StatementsCommand.Count;
import com.twork.points.launcher.tools.bench.StatementsCommand.Kind;
import com.twork.points.launcher.tools.bench.StatementsCommand.Operation;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatementsCommandTest {
    @Test
    void statementsAreKindedByTheirFirstKeyword() {
        assertEquals(Kind.SELECT, StatementsCommand.kindOf("Query", "select m1_0.user_id from member m1_0"));
        assertEquals(Kind.SELECT, StatementsCommand.kindOf("Query", "(SELECT 0, id FROM t) UNION ALL (SELECT 1)"));
        assertEquals(Kind.SELECT, StatementsCommand.kindOf("Execute", "  /* ping */ SELECT 1"));
        assertEquals(Kind.INSERT, StatementsCommand.kindOf("Query", "insert into point_transaction (a) values (1)"));
        assertEquals(Kind.INSERT, StatementsCommand.kindOf("Query", "INSERT IGNORE INTO point_account VALUES (1)"));
        assertEquals(Kind.UPDATE, StatementsCommand.kindOf("Query", "update point_account set balance=1"));
        assertEquals(Kind.OTHER, StatementsCommand.kindOf("Query", "delete from idempotency_record"));
        assertEquals(
                Kind.OTHER,
                StatementsCommand.kindOf("Query", "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED"));
    }

    @Test
    void autocommitCommitAndRollbackAreTransactionControl() {
        for (String sql :
                List.of("set autocommit=0", "SET autocommit = 1", "COMMIT", "rollback", "START TRANSACTION")) {
            assertEquals(Kind.TRANSACTION_CONTROL, StatementsCommand.kindOf("Query", sql), sql);
        }
    }

    @Test
    void protocolCommandsAreOtherWhateverTheirText() {
        assertEquals(Kind.OTHER, StatementsCommand.kindOf("Prepare", "select 1"));
        assertEquals(Kind.OTHER, StatementsCommand.kindOf("Close stmt", ""));
        assertEquals(Kind.OTHER, StatementsCommand.kindOf("Ping", ""));
    }

    @Test
    void theMedianRequestIsReportedWithTheRange() {
        List<Count> counts = List.of(count(9), count(12), count(9), count(10), count(9));

        StatementsCommand.Result result = StatementsCommand.summarise(Operation.EARN, counts);

        assertEquals(9, result.median().total());
        assertEquals(9, result.min());
        assertEquals(12, result.max());
        assertEquals(5, result.samples());
    }

    @Test
    void missingMarkersAreAddedUnderTheSectionHeading() {
        String spliced = StatementsCommand.splice("# Benchmarks\n\nText.\n", "before", block("before", "1"));

        assertTrue(spliced.startsWith("# Benchmarks\n\nText.\n\n## Statements per request\n\n"), spliced);
        assertTrue(
                spliced.endsWith(StatementsCommand.BEGIN + "\n" + block("before", "1") + StatementsCommand.END + "\n"));
    }

    @Test
    void aLabelReplacesOnlyItsOwnTableAndANewLabelGoesLast() {
        String document = "intro\n" + StatementsCommand.BEGIN + "\n" + block("before", "1") + block("after", "2")
                + StatementsCommand.END + "\nafterwards\n";

        String again = StatementsCommand.splice(document, "after", block("after", "3"));
        String third = StatementsCommand.splice(again, "group commit", block("group commit", "4"));

        assertEquals(
                "intro\n" + StatementsCommand.BEGIN + "\n" + block("before", "1") + block("after", "3")
                        + block("group commit", "4") + StatementsCommand.END + "\nafterwards\n",
                third);
    }

    @Test
    void aLabelIsNotMistakenForAnotherThatStartsWithIt() {
        String document = StatementsCommand.BEGIN + "\n" + block("after 2", "1") + StatementsCommand.END + "\n";

        String spliced = StatementsCommand.splice(document, "after", block("after", "2"));

        assertEquals(
                StatementsCommand.BEGIN + "\n" + block("after 2", "1") + block("after", "2") + StatementsCommand.END
                        + "\n",
                spliced);
    }

    @Test
    void optionsRefuseUnknownNamesAndLabelsThatWouldBreakTheMarkers() {
        Path war = Path.of("web/target/ROOT.war");
        assertThrows(IllegalArgumentException.class, () -> StatementsCommand.options(Map.of("--seconds", "3"), war));
        assertThrows(IllegalArgumentException.class, () -> StatementsCommand.options(Map.of("--label", "a -->"), war));
        assertEquals(5, StatementsCommand.options(Map.of(), war).repeat());
        assertEquals("current", StatementsCommand.options(Map.of(), war).label());
    }

    private static String block(String label, String table) {
        return StatementsCommand.TABLE + label + " -->\n#### " + label + "\n\n| " + table + " |\n\n";
    }

    private static Count count(int statements) {
        return new Count(
                Map.of(Kind.SELECT, statements), Map.of("Query", statements), Collections.nCopies(statements, "x"));
    }
}
