package com.twork.points.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.SharedServer;
import com.twork.points.launcher.TworkCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code ./twork smoke} against the running test server: matches, mismatches, nothing written. */
@ExtendWith(SharedServer.class)
class SmokeCommandIT {
    private final Fixtures.Key readKey = Fixtures.newKey("read");

    /** What the command printed and returned. */
    private record Run(int exitCode, String output) {}

    private static Run smoke(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("smoke"));
        command.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = TworkCommand.execute(command, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    private String key() {
        return readKey.consumerKey() + ":" + readKey.consumerSecret();
    }

    private static long memberWith(int... earns) {
        long member = Fixtures.newMember();
        Fixtures.Key writer = Fixtures.writeKey();
        for (int points : earns) {
            Api.post("/earn", writer, "{\"user_id\": " + member + ", \"points\": " + points + "}")
                    .assertOk();
        }
        return member;
    }

    private static Path file(String content) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "smoke"));
        return Files.writeString(folder.resolve(UUID.randomUUID() + ".csv"), content);
    }

    /** Every table a read could conceivably write to, as one fingerprint. */
    private static String writes() {
        return Fixtures.text("SELECT CONCAT_WS('|', (SELECT COUNT(*) FROM point_transaction),"
                + " (SELECT COALESCE(SUM(remaining), 0) FROM point_transaction),"
                + " (SELECT COALESCE(SUM(balance + version), 0) FROM point_account), (SELECT COUNT(*) FROM audit_log),"
                + " (SELECT COUNT(*) FROM member), (SELECT COUNT(*) FROM idempotency_record),"
                + " (SELECT COUNT(*) FROM failure_event))");
    }

    @Test
    void expectedBalancesAndHistoryMatchAndNothingIsWritten() throws Exception {
        long first = memberWith(100, 25);
        long second = memberWith(40);
        long empty = Fixtures.newMember();
        Path expected =
                file("user_id,balance,transactions\n" + first + ",125,2\n" + second + ",40,1\n" + empty + ",0,0\n");
        String before = writes();
        Run run = smoke("--base", Api.base(), "--key", key(), "--expect", expected.toString());
        assertEquals(before, writes(), "the smoke check wrote nothing");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("Credentials accepted as key:" + readKey.id()), run.output());
        assertTrue(run.output().contains("3 as expected, 0 mismatched, 0 failed"), run.output());
    }

    @Test
    void aWrongExpectedValueNamesTheMemberAndFails() throws Exception {
        long right = memberWith(70);
        long wrong = memberWith(30, 5);
        Path expected = file(right + ",70,1\n" + wrong + ",36,\n");
        String before = writes();
        Run run = smoke(
                "--base", Api.base() + "/wp-json/twork/v1/points", "--key", key(), "--expect", expected.toString());
        assertEquals(before, writes());
        assertEquals(1, run.exitCode(), run.output());
        String line = run.output()
                .lines()
                .filter(text -> text.startsWith(Long.toString(wrong)))
                .findFirst()
                .orElseThrow();
        assertTrue(line.contains("MISMATCH: balance 35, expected 36"), run.output());
        assertTrue(
                run.output().lines().anyMatch(text -> text.startsWith(Long.toString(right)) && text.endsWith("ok")),
                run.output());
        assertTrue(run.output().contains("1 as expected, 1 mismatched, 0 failed"), run.output());

        Run history = smoke(
                "--base",
                Api.base(),
                "--key",
                key(),
                "--expect",
                file(wrong + ",35,3\n").toString());
        assertEquals(1, history.exitCode(), history.output());
        assertTrue(history.output().contains("history 2 rows, expected 3"), history.output());
    }

    @Test
    void recordingWritesWhatWasReadForTheCheckAfterTheSwitch() throws Exception {
        long member = memberWith(12);
        long other = memberWith(8, 8);
        Path record = Path.of("target", "smoke", UUID.randomUUID() + "-recorded.csv");
        Run recorded = smoke(
                "--base", Api.base(), "--key", key(), "--members", member + "," + other, "--record", record.toString());
        assertEquals(0, recorded.exitCode(), recorded.output());
        assertEquals(
                "user_id,balance,transactions\n" + member + ",12,1\n" + other + ",16,2\n", Files.readString(record));
        assertEquals(
                0,
                smoke("--base", Api.base(), "--key", key(), "--expect", record.toString())
                        .exitCode());
        assertThrows(
                IllegalArgumentException.class,
                () -> smoke(
                        "--base",
                        Api.base(),
                        "--key",
                        key(),
                        "--members",
                        Long.toString(member),
                        "--record",
                        record.toString()));
    }

    @Test
    void badCredentialsUnknownMembersAndTheWrongServerFail() throws Exception {
        long member = memberWith(5);
        Run badKey;
        try {
            badKey = smoke(
                    "--base",
                    Api.base(),
                    "--key",
                    readKey.consumerKey() + ":cs_wrong",
                    "--members",
                    Long.toString(member));
        } finally {
            // The failure counts against 127.0.0.1, which other suites call from directly: leave no trace.
            Fixtures.update("DELETE FROM throttle WHERE bucket = 'auth:127.0.0.1'");
        }
        assertEquals(1, badKey.exitCode());
        assertTrue(
                badKey.output().contains("FAILED: /wp-json/twork/v1/points/auth/whoami answered 401 rest_forbidden"),
                badKey.output());

        Run unknown = smoke("--base", Api.base(), "--key", key(), "--members", member + ",987654321");
        assertEquals(1, unknown.exitCode(), unknown.output());
        assertTrue(
                unknown.output()
                        .contains("FAILED: /wp-json/twork/v1/points/balance/987654321 answered 404 rest_invalid_user"),
                unknown.output());
        assertTrue(unknown.output().contains("1 as expected, 0 mismatched, 1 failed"), unknown.output());

        Run nobody = smoke(
                "--base",
                "http://127.0.0.1:" + com.twork.points.launcher.server.Ports.freePort(),
                "--key",
                key(),
                "--members",
                "1",
                "--timeout",
                "3");
        assertEquals(1, nobody.exitCode());
        assertTrue(nobody.output().contains("FAILED: no answer from"), nobody.output());
        assertFalse(nobody.output().contains(readKey.consumerSecret()), "the secret is never printed");
    }

    @Test
    void badUsageIsAClearErrorBeforeAnyRequest() {
        IllegalArgumentException missing =
                assertThrows(IllegalArgumentException.class, () -> smoke("--base", Api.base(), "--key", key()));
        assertTrue(missing.getMessage().contains("--members"), missing.getMessage());
        IllegalArgumentException badFile = assertThrows(
                IllegalArgumentException.class,
                () -> smoke("--base", Api.base(), "--key", key(), "--expect", "target/smoke/does-not-exist.csv"));
        assertTrue(badFile.getMessage().contains("cannot read it"), badFile.getMessage());
    }
}
