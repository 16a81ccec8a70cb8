package com.twork.points.launcher;

import static com.twork.points.launcher.CommandLine.Option.choice;
import static com.twork.points.launcher.CommandLine.Option.flag;
import static com.twork.points.launcher.CommandLine.Option.number;
import static com.twork.points.launcher.CommandLine.Option.numbers;
import static com.twork.points.launcher.CommandLine.Option.text;

import com.twork.points.launcher.CommandLine.Arguments;
import com.twork.points.launcher.CommandLine.Command;
import com.twork.points.launcher.CommandLine.Option;
import com.twork.points.launcher.CommandLine.UsageException;
import com.twork.points.launcher.server.AccountCommands;
import com.twork.points.launcher.server.ApiKeyCommands;
import com.twork.points.launcher.server.ClusterCommand;
import com.twork.points.launcher.server.Database;
import com.twork.points.launcher.server.GaleraCommand;
import com.twork.points.launcher.server.LauncherConfig;
import com.twork.points.launcher.server.PayaraServer;
import com.twork.points.launcher.server.RunCommand;
import com.twork.points.launcher.server.SeedCommands;
import com.twork.points.launcher.tools.bench.BenchCommand;
import com.twork.points.launcher.tools.bench.GaleraBench;
import com.twork.points.launcher.tools.bench.RuleBench;
import com.twork.points.launcher.tools.bench.StatementsCommand;
import com.twork.points.launcher.tools.dataset.DatasetGenerator;
import com.twork.points.launcher.tools.dataset.InvariantCheck;
import com.twork.points.launcher.tools.legacy.LegacyImportCommand;
import com.twork.points.launcher.tools.products.ProductImport;
import com.twork.points.launcher.tools.smoke.SmokeCommand;
import com.twork.points.platform.control.SchemaMigrator;
import com.twork.points.security.entity.Permission;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Entry point of {@code ./twork}: the table of its commands (the server's, then the tools') and what each does.
 * Exit codes: 0 done, 1 failed, 2 bad usage or a port already taken, 3 refused (the legacy import on a database
 * that is not fresh or holds another source).
 */
public final class TworkCommand {
    private static final List<String> HELP = List.of("help", "--help", "-h");

    private static final Option PERMISSIONS =
            choice("--permissions", List.of("read", "write", "read_write"), "what the key may do (default read_write)");
    private static final Option DESCRIPTION =
            text("--description", "TEXT", "shown in ./twork key list (default \"Created from the command line\")");
    private static final Option DATA = text("--data", "DIR", "the dataset's folder (default target/bench/data)");

    /** The server and what its operators do with it. */
    private static final List<Command> SERVER = List.of(
            Command.of(
                    "run",
                    "start the server (embedded MariaDB unless TWORK_DB_URL is set)",
                    (arguments, out) -> RunCommand.run(out)),
            Command.of(
                    "cluster",
                    "several instances on one database behind HAProxy, all on loopback (docs/operations.md)",
                    (arguments, out) -> new ClusterCommand(out).run((int) arguments.number("--instances", 3)),
                    number("--instances", "N", 1, "how many Payara Micro instances (default 3, at most 9)")),
            Command.of(
                    "galera start",
                    "a 3-node MariaDB Galera cluster on loopback (Debian's mariadb-server, galera-4); prints"
                            + " TWORK_DB_URL",
                    (arguments, out) -> new GaleraCommand(out).start()),
            Command.of(
                    "galera stop",
                    "stop the Galera cluster's nodes (its data stays for the next start)",
                    (arguments, out) -> new GaleraCommand(out).stop()),
            Command.of(
                    "key create",
                    "create an API key; prints ck_... and cs_... once",
                    TworkCommand::keyCreate,
                    PERMISSIONS,
                    DESCRIPTION),
            Command.of(
                    "key register",
                    "register an existing key pair as it is (e.g. the app's compiled-in one)",
                    TworkCommand::keyRegister,
                    text("--consumer-key", "ck_...", "the consumer key").required(),
                    text("--consumer-secret", "cs_...", "the consumer secret").required(),
                    PERMISSIONS,
                    DESCRIPTION),
            Command.of("key list", "list the API keys (never their secrets)", TworkCommand::keyList),
            Command.of(
                    "key revoke",
                    "revoke an API key",
                    TworkCommand::keyRevoke,
                    number("ID", "ID", 1, "the key's id, as ./twork key list shows it")
                            .required()),
            Command.of(
                    "account create",
                    "create a staff account for the console (password from the terminal, else standard input)",
                    TworkCommand::accountCreate,
                    text("--login", "NAME", "the login name").required(),
                    choice(
                            "--role",
                            List.of("ADMIN", "MANAGER"),
                            "default ADMIN (customers log in with their shop account)")),
            Command.of(
                    "smoke",
                    "read-only check of balances and history against expected values (docs/cutover.md)",
                    (arguments, out) -> SmokeCommand.execute(arguments.words(), out),
                    text("--base", "URL", "the shop's (or the server's) address")
                            .required(),
                    text("--key", "CK:CS", "a key that may read (else TWORK_SMOKE_KEY)"),
                    text("--members", "ID,ID", "the members to check (default: those in --expect)"),
                    text("--expect", "FILE", "CSV user_id,balance[,transactions] to compare with"),
                    text("--record", "FILE", "write what was read as such a file (a new file)"),
                    flag("--rest-route", "use the ?rest_route= form of the URLs"),
                    number("--timeout", "S", 1, "seconds per request (default 15)")),
            Command.of(
                    "seed",
                    "default settings and tiers, never overwriting a changed value",
                    TworkCommand::seed,
                    flag("--sample", "also a few sample members with points"),
                    flag("--force", "reset changed settings and tiers to their defaults")));

    /** Moving a shop over, test data and measurements: they use the server's pieces, the server never them. */
    private static final List<Command> TOOLS = List.of(
            Command.of(
                    "import-legacy",
                    "the legacy WordPress plugin's data, into a fresh database",
                    TworkCommand::importLegacy,
                    text("--source-url", "jdbc:mariadb://HOST:PORT/DB", "the WordPress database")
                            .required(),
                    text("--source-user", "USER", "a user that may read it").required(),
                    flag("--source-password-stdin", "its password from standard input (else TWORK_LEGACY_PASSWORD)"),
                    text("--prefix", "PREFIX", "the WordPress table prefix (default wp_)"),
                    flag("--dry-run", "read, check and report; write nothing")),
            Command.of(
                    "import-products",
                    "the shop's products and categories from WooCommerce's REST export (a JSON array)",
                    TworkCommand::importProducts,
                    text("FILE", "FILE", "the export, e.g. the pages of GET /wp-json/wc/v3/products in one array")
                            .required()),
            Command.of(
                    "generate",
                    "a large consistent ledger for benchmarks (bulk SQL), checked against the reconciliation"
                            + " invariant",
                    TworkCommand::generate,
                    number("--members", "N", 1, "default 100000"),
                    number("--transactions", "N", 1, "default 5000000, at least --members"),
                    number("--seed", "N", Long.MIN_VALUE, "the random seed (default 42)")),
            Command.of(
                    "bench",
                    "load benchmark with wrk and its ceilings, written to docs/benchmarks.md (bench/run does it all)",
                    TworkCommand::bench,
                    DATA,
                    number("--seconds", "N", 1, "measured seconds per scenario and connection count (default 15)"),
                    number("--warmup", "N", 0, "warm-up seconds before each scenario (default 5)"),
                    number("--jit-warmup", "N", 0, "first warm-up seconds of every scenario (default 15)"),
                    numbers("--connections", "N,N", 1, "connection counts (default 8,32,64)"),
                    text(
                            "--scenarios",
                            "NAME,NAME",
                            "of " + String.join(",", BenchCommand.HTTP_SCENARIOS) + " (default all)"),
                    text("--report", "FILE", "where the figures go (default docs/benchmarks.md)"),
                    text("--label", "TEXT", "names the run in the report")),
            Command.of(
                    "galera bench",
                    "earn, redeem and balance on one MariaDB vs the 3-node Galera cluster, and one commit's cost on"
                            + " each, written to docs/benchmarks.md",
                    TworkCommand::galeraBench,
                    number("--seconds", "N", 1, "measured seconds per route and connection count (default 15)"),
                    numbers("--connections", "N,N", 1, "connection counts (default 8,32)"),
                    text("--report", "FILE", "where the figures go (default docs/benchmarks.md)")),
            Command.of(
                    "bench-rules",
                    "CPU cost of the earning rules: a 20-line order against 0, 10 and 200 active rules, written to"
                            + " docs/benchmarks.md",
                    TworkCommand::benchRules,
                    number("--seconds", "N", 1, "measured seconds per rule count (default 5; 15 with --http)"),
                    flag(
                            "--http",
                            "end to end instead: signed order webhooks to a Payara Micro on the embedded MariaDB"),
                    number("--connections", "N", 1, "with --http: closed-loop clients (default 8)"),
                    text("--report", "FILE", "where the figures go (default docs/benchmarks.md)")),
            Command.of(
                    "statements",
                    "SQL statements one request of each operation sends to MariaDB, as a table",
                    TworkCommand::statements,
                    DATA,
                    text("--war", "FILE", "the WAR to measure (default web/target/ROOT.war)"),
                    number("--repeat", "N", 1, "requests measured per operation (default 5)"),
                    text("--report", "FILE", "put the table in this file under --label"),
                    text("--label", "TEXT", "names the table (default current)")));

    private static final List<Command> COMMANDS =
            Stream.concat(SERVER.stream(), TOOLS.stream()).toList();

    private TworkCommand() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs one command and turns its failures into messages on {@code err}; returns the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            return execute(args, out);
        } catch (PayaraServer.PortTakenException e) {
            err.println(e.getMessage());
            return 2;
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println();
            err.println(e.about().isEmpty() ? usage() : usage(e.about()));
            return 2;
        } catch (Exception e) {
            err.println("Failed: " + e.getMessage());
            return 1;
        }
    }

    /** Runs one command without exiting the JVM; bad usage is a {@link UsageException}. */
    public static int execute(List<String> args, PrintStream out) throws Exception {
        if (args.isEmpty()) {
            throw new UsageException("No command given.");
        }
        if (HELP.contains(args.get(0))) {
            out.println(args.size() == 1 ? usage() : help(args.subList(1, args.size())));
            return 0;
        }
        Optional<Command> exact = exact(args);
        if (exact.isEmpty()) {
            List<Command> group = group(args);
            if (args.size() > 1) {
                out.println(usage(group));
                return 0;
            }
            throw new UsageException(
                    "./twork " + args.get(0) + " needs one of: "
                            + group.stream().map(TworkCommand::lastWord).collect(Collectors.joining(", ")) + ".",
                    group,
                    null);
        }
        Command command = exact.get();
        List<String> words = args.subList(command.name().split(" ").length, args.size());
        if (words.stream().anyMatch(word -> "--help".equals(word) || "-h".equals(word))) {
            out.println(command.help());
            return 0;
        }
        Arguments arguments = command.parse(words);
        try {
            return command.action().run(arguments, out);
        } catch (UsageException e) {
            throw e.about().isEmpty() ? new UsageException(e.getMessage(), List.of(command), e) : e;
        } catch (IllegalArgumentException e) {
            // The commands' own checks (a source URL, passwords that differ) are bad usage too.
            throw new UsageException(e.getMessage(), List.of(command), e);
        }
    }

    /** Every command, the server's first. */
    static List<Command> commands() {
        return COMMANDS;
    }

    /** The whole usage: one line per command with its options. */
    static String usage() {
        return String.join(
                System.lineSeparator(),
                "Usage: ./twork COMMAND [OPTIONS]      (./twork COMMAND --help explains one command)",
                "",
                "The server:",
                lines(SERVER),
                "",
                "Tools:",
                lines(TOOLS),
                "",
                "Settings such as the port and the database come from the environment (TWORK_HTTP_PORT, TWORK_DB_URL,"
                        + " ...): see README.md.");
    }

    private static String usage(List<Command> commands) {
        return "Usage:" + System.lineSeparator() + lines(commands);
    }

    private static String lines(List<Command> commands) {
        return commands.stream().map(Command::usageLine).collect(Collectors.joining(System.lineSeparator()));
    }

    /** {@code ./twork help key create}: that command's help; {@code ./twork help key}: the key commands. */
    private static String help(List<String> words) {
        return exact(words).map(Command::help).orElseGet(() -> usage(group(words)));
    }

    /** The command the first words name, if they name one. */
    private static Optional<Command> exact(List<String> args) {
        for (Command command : COMMANDS) {
            List<String> words = List.of(command.name().split(" "));
            if (args.size() >= words.size() && args.subList(0, words.size()).equals(words)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    /**
     * The commands of the group the first word names ({@code key}), when the second word is missing or asks for
     * help; anything else is bad usage.
     */
    private static List<Command> group(List<String> args) {
        List<Command> group = COMMANDS.stream()
                .filter(command -> command.name().startsWith(args.get(0) + " "))
                .toList();
        if (group.isEmpty()) {
            throw new UsageException("Unknown command: " + args.get(0));
        }
        if (args.size() > 1 && !HELP.contains(args.get(1))) {
            throw new UsageException("Unknown " + args.get(0) + " command: " + args.get(1), group, null);
        }
        return group;
    }

    private static String lastWord(Command command) {
        return command.name().substring(command.name().lastIndexOf(' ') + 1);
    }

    private static int keyCreate(Arguments arguments, PrintStream out) throws Exception {
        try (Database database = Database.open();
                Connection connection = migrated(database)) {
            new ApiKeyCommands(connection, out).create(description(arguments), permission(arguments));
        }
        return 0;
    }

    private static int keyRegister(Arguments arguments, PrintStream out) throws Exception {
        try (Database database = Database.open();
                Connection connection = migrated(database)) {
            new ApiKeyCommands(connection, out)
                    .register(
                            arguments.text("--consumer-key", ""),
                            arguments.text("--consumer-secret", ""),
                            description(arguments),
                            permission(arguments));
        }
        return 0;
    }

    private static int importProducts(Arguments arguments, PrintStream out) throws Exception {
        try (Database database = Database.open();
                Connection connection = migrated(database)) {
            new ProductImport(connection, out).importFile(Path.of(arguments.text("FILE", "")));
        }
        return 0;
    }

    private static int keyList(Arguments arguments, PrintStream out) throws Exception {
        try (Database database = Database.open();
                Connection connection = migrated(database)) {
            new ApiKeyCommands(connection, out).list();
        }
        return 0;
    }

    private static int keyRevoke(Arguments arguments, PrintStream out) throws Exception {
        try (Database database = Database.open();
                Connection connection = migrated(database)) {
            new ApiKeyCommands(connection, out).revoke(arguments.number("ID", 0));
        }
        return 0;
    }

    private static int accountCreate(Arguments arguments, PrintStream out) throws Exception {
        String password = readPassword(out);
        try (Database database = Database.open();
                Connection connection = migrated(database)) {
            new AccountCommands(connection, out)
                    .createStaff(arguments.text("--login", ""), password, arguments.text("--role", "ADMIN"));
        }
        return 0;
    }

    private static int seed(Arguments arguments, PrintStream out) throws Exception {
        try (Database database = Database.open();
                Connection connection = migrated(database)) {
            new SeedCommands(connection, out).seed(arguments.flag("--force"), arguments.flag("--sample"));
        }
        return 0;
    }

    private static int importLegacy(Arguments arguments, PrintStream out) throws Exception {
        LegacyImportCommand.Options options =
                LegacyImportCommand.options(arguments.words(), TworkCommand::firstLineOfInput);
        try (Database database = Database.open();
                Connection connection = migrated(database)) {
            return new LegacyImportCommand(connection, out).run(options);
        }
    }

    private static int generate(Arguments arguments, PrintStream out) throws Exception {
        long members = arguments.number("--members", 100_000);
        if (members > Integer.MAX_VALUE) {
            throw new UsageException("--members must be at most " + Integer.MAX_VALUE + ".");
        }
        DatasetGenerator.Options wanted = new DatasetGenerator.Options(
                (int) members, arguments.number("--transactions", 5_000_000), arguments.number("--seed", 42));
        try (Database database = Database.open();
                Connection connection = migrated(database)) {
            DatasetGenerator.Summary summary = new DatasetGenerator(connection, out).generate(wanted);
            out.printf(
                    "Generated %,d members (%d..%d), %,d transactions, %,d allocations, %,d lots due for expiry%n",
                    summary.members(),
                    summary.firstUserId(),
                    summary.firstUserId() + summary.members() - 1,
                    summary.transactions(),
                    summary.allocations(),
                    summary.dueLots());
            return InvariantCheck.run(connection, out) == 0 ? 0 : 1;
        }
    }

    private static int bench(Arguments arguments, PrintStream out) throws Exception {
        return new BenchCommand(out).run(BenchCommand.options(arguments.given()), payaraJar(), war());
    }

    private static int benchRules(Arguments arguments, PrintStream out) throws Exception {
        Path report = Path.of(arguments.text("--report", "docs/benchmarks.md"));
        if (arguments.flag("--http")) {
            return new RuleBench(out)
                    .runHttp(
                            Path.of("target/bench/rule-awards").toAbsolutePath(),
                            payaraJar(),
                            war(),
                            (int) arguments.number("--seconds", 15),
                            (int) arguments.number("--connections", 8),
                            report);
        }
        new RuleBench(out).run((int) arguments.number("--seconds", 5), report);
        return 0;
    }

    private static int galeraBench(Arguments arguments, PrintStream out) throws Exception {
        List<Integer> connections = Arrays.stream(
                        arguments.text("--connections", "8,32").split(","))
                .map(String::trim)
                .map(Integer::valueOf)
                .toList();
        return new GaleraBench(out)
                .run(
                        Path.of("target/bench/galera").toAbsolutePath(),
                        payaraJar(),
                        war(),
                        (int) arguments.number("--seconds", 15),
                        connections,
                        Path.of(arguments.text("--report", "docs/benchmarks.md")));
    }

    private static int statements(Arguments arguments, PrintStream out) throws Exception {
        return new StatementsCommand(out).run(StatementsCommand.options(arguments.given(), war()), payaraJar());
    }

    private static Path war() {
        return Path.of(LauncherConfig.value("twork.war", "web/target/ROOT.war")).toAbsolutePath();
    }

    private static Path payaraJar() {
        return Path.of(LauncherConfig.value("twork.payara.jar", "launcher/target/payara/payara-micro.jar"))
                .toAbsolutePath();
    }

    /** A connection to the configured database, its schema brought up to date first. */
    private static Connection migrated(Database database) throws Exception {
        SchemaMigrator.migrate(database.dataSource());
        return database.connect();
    }

    private static String firstLineOfInput() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IllegalArgumentException("--source-password-stdin: no password on standard input.");
            }
            return line;
        } catch (IOException e) {
            throw new IllegalArgumentException("--source-password-stdin: " + e.getMessage(), e);
        }
    }

    /** From the terminal without echo when there is one, else the first line of standard input (scripts, CI). */
    private static String readPassword(PrintStream out) throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password: ");
            char[] again = console.readPassword("Password again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                throw new IllegalArgumentException("The passwords differ.");
            }
            return new String(first);
        }
        out.println("Reading the password from standard input.");
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new IllegalArgumentException("No password on standard input.");
        }
        return line;
    }

    private static String description(Arguments arguments) {
        return arguments.text("--description", "Created from the command line");
    }

    private static Permission permission(Arguments arguments) {
        String value = arguments.text("--permissions", "read_write");
        return Permission.fromWire(value)
                .orElseThrow(() -> new IllegalArgumentException("--permissions must be read, write or read_write"));
    }
}
