package com.twork.points.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.launcher.CommandLine.Command;
import com.twork.points.launcher.CommandLine.Option;
import com.twork.points.launcher.tools.bench.BenchCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code ./twork} answers a newcomer: help on stdout (exit 0), bad usage on stderr (exit 2). */
class TworkCommandTest {
    private record Run(int exit, String out, String err) {
        void assertBadUsage(String message) {
            assertEquals(2, exit, err);
            assertEquals("", out, "nothing on stdout");
            assertTrue(err.startsWith(message + System.lineSeparator()), err);
            assertTrue(err.contains("Usage:"), "the usage follows the message: " + err);
        }
    }

    private static Run twork(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = TworkCommand.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpInEverySpellingListsEveryCommandWithItsOptionsOnStdout() {
        for (String help : List.of("help", "--help", "-h")) {
            Run run = twork(help);
            assertEquals(0, run.exit(), help);
            assertEquals("", run.err(), help);
            for (Command command : TworkCommand.commands()) {
                assertTrue(
                        run.out().lines().anyMatch(line -> line.startsWith("  " + command.synopsis())),
                        help + " shows " + command.synopsis());
            }
        }
        Run run = twork("help");
        assertTrue(run.out().contains("./twork key create [--permissions read|write|read_write] [--description TEXT]"));
        assertTrue(run.out().contains("./twork key revoke ID "));
        assertTrue(run.out().contains("The server:") && run.out().contains("Tools:"));
    }

    @Test
    void everyCommandExplainsItselfAndEachOfItsOptions() {
        for (Command command : TworkCommand.commands()) {
            for (String help : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(List.of(command.name().split(" ")));
                args.add(help);
                Run run = twork(args.toArray(String[]::new));
                assertEquals(0, run.exit(), command.name());
                assertEquals("", run.err());
                assertTrue(run.out().startsWith("Usage: " + command.synopsis()), run.out());
                assertTrue(run.out().contains(command.summary()));
                for (Option option : command.options()) {
                    assertTrue(
                            run.out()
                                    .lines()
                                    .anyMatch(line ->
                                            line.trim().startsWith(option.name()) && line.contains(option.help())),
                            command.name() + " explains " + option.name());
                }
            }
        }
        assertEquals(
                twork("key", "create", "--help").out(),
                twork("help", "key", "create").out());
        assertTrue(twork("bench", "--seconds", "3", "--help").out().startsWith("Usage: ./twork bench "));
    }

    @Test
    void aGroupWithoutItsCommandSaysWhichExist() {
        Run help = twork("key", "--help");
        assertEquals(0, help.exit());
        assertEquals(
                4,
                help.out()
                        .lines()
                        .filter(line -> line.startsWith("  ./twork key "))
                        .count(),
                help.out());
        assertEquals(help.out(), twork("help", "key").out());
        assertTrue(twork("help", "account").out().contains("./twork account create --login NAME"));

        twork("key").assertBadUsage("./twork key needs one of: create, register, list, revoke.");
        twork("account").assertBadUsage("./twork account needs one of: create.");
        twork("key", "rotate").assertBadUsage("Unknown key command: rotate");
    }

    @Test
    void anUnknownOrMissingCommandIsBadUsageOnStderr() {
        Run unknown = twork("serve");
        unknown.assertBadUsage("Unknown command: serve");
        assertTrue(unknown.err().contains("./twork run "), "the whole usage: " + unknown.err());
        twork().assertBadUsage("No command given.");
        twork("help", "serve").assertBadUsage("Unknown command: serve");
    }

    @Test
    void everyKindOfBadOptionIsNamedBeforeAnythingStarts() {
        twork("key", "create", "--colour", "red").assertBadUsage("Unknown option for ./twork key create: --colour");
        twork("key", "create", "--description").assertBadUsage("--description needs a value.");
        twork("key", "create", "--description", "--permissions", "read").assertBadUsage("--description needs a value.");
        twork("key", "create", "--permissions", "admin")
                .assertBadUsage("--permissions must be one of read, write, read_write, not 'admin'.");
        twork("key", "create", "--description", "a", "--description", "b")
                .assertBadUsage("--description is given twice.");
        twork("key", "register", "--consumer-key", "ck_x").assertBadUsage("--consumer-secret is required.");
        twork("key", "revoke").assertBadUsage("ID is required.");
        twork("key", "revoke", "three").assertBadUsage("ID needs a whole number, not 'three'.");
        twork("key", "revoke", "0").assertBadUsage("ID must be at least 1, not 0.");
        twork("key", "list", "all").assertBadUsage("Unexpected argument for ./twork key list: all");
        twork("account", "create", "--role", "ADMIN").assertBadUsage("--login is required.");
        twork("account", "create", "--login", "ana", "--role", "ROOT")
                .assertBadUsage("--role must be one of ADMIN, MANAGER, not 'ROOT'.");
        twork("seed", "--samples").assertBadUsage("Unknown option for ./twork seed: --samples");
        twork("run", "--port", "8090").assertBadUsage("Unknown option for ./twork run: --port");
        twork("generate", "--members", "many").assertBadUsage("--members needs a whole number, not 'many'.");
        twork("generate", "--members", "0").assertBadUsage("--members must be at least 1, not 0.");
        twork("generate", "--members", "3000000000").assertBadUsage("--members must be at most 2147483647.");
        twork("generate", "--members", "10", "--transactions", "5")
                .assertBadUsage("--members must be >= 1 and --transactions >= --members");
        twork("bench", "--seconds", "0").assertBadUsage("--seconds must be at least 1, not 0.");
        twork("bench", "--connections", "8,x").assertBadUsage("--connections needs a whole number, not 'x'.");
        twork("bench", "--scenarios", "balance,nap")
                .assertBadUsage("Unknown scenario: nap (one of " + String.join(",", BenchCommand.HTTP_SCENARIOS) + ")");
        twork("statements", "--repeat", "-1").assertBadUsage("--repeat must be at least 1, not -1.");
        twork("statements", "--label", "a;b")
                .assertBadUsage(
                        "--label must be 1 to 60 letters, digits, spaces or . : + ( ) / , - (e.g. before, after)");
        twork("import-legacy", "--source-user", "reader").assertBadUsage("--source-url is required.");
        twork("import-legacy", "--source-url", "jdbc:mysql://x/y", "--source-user", "reader")
                .assertBadUsage("--source-url must be a jdbc:mariadb://host:port/database URL");
    }

    @Test
    void theUsageAfterABadOptionIsThatCommands() {
        Run run = twork("seed", "--samples");
        assertTrue(run.err().contains("./twork seed [--sample] [--force]"), run.err());
        assertFalse(run.err().contains("./twork bench"), "only the seed command's usage: " + run.err());
    }
}
