package com.twork.points.launcher;

import com.twork.points.launcher.bench.BenchCommand;
import com.twork.points.launcher.bench.StatementsCommand;
import com.twork.points.launcher.dataset.DatasetGenerator;
import com.twork.points.launcher.dataset.InvariantCheck;
import com.twork.points.launcher.legacy.LegacyImportCommand;
import com.twork.points.platform.control.SchemaMigrator;
import com.twork.points.security.entity.Permission;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Entry point of {@code ./twork}: {@code run} starts the server, {@code key ...} manages API keys. Exit codes:
 * 0 done, 1 failed, 2 bad usage or a port already taken, 3 refused (the legacy import on a database that is not
 * fresh or holds another source).
 */
public final class TworkCommand {
    private static final String USAGE = String.join(
            System.lineSeparator(),
            "Usage:",
            "  ./twork run                                  start the server (embedded MariaDB unless TWORK_DB_URL is set)",
            "  ./twork cluster [--instances 3]              several instances on one database behind HAProxy",
            "  ./twork key create [--permissions P] [--description TEXT]",
            "  ./twork key register --consumer-key ck_... --consumer-secret cs_... [--permissions P] [--description TEXT]",
            "  ./twork key list",
            "  ./twork key revoke ID",
            "  ./twork account create --login NAME [--role ADMIN|MANAGER]   (password read from standard input)",
            "  ./twork seed [--sample] [--force]              default settings and tiers (--force resets changed ones)",
            "  ./twork import-legacy --source-url jdbc:mariadb://HOST:PORT/DB --source-user USER",
            "        [--source-password-stdin] [--prefix wp_] [--dry-run]   the legacy WordPress plugin's data, into a",
            "        fresh database (password from standard input or TWORK_LEGACY_PASSWORD)",
            "  ./twork generate [--members 100000] [--transactions 5000000] [--seed 42]   a large consistent ledger",
            "        for benchmarks (bulk SQL), checked against the reconciliation invariant at the end",
            "  ./twork bench [--data target/bench/data] [--seconds 15] [--connections 8,32,64] [--scenarios ...]",
            "        load benchmark with wrk and its ceilings, written to docs/benchmarks.md (bench/run does it all)",
            "  ./twork statements [--data target/bench/data] [--war web/target/ROOT.war] [--repeat 5]",
            "        [--report docs/benchmarks.md] [--label before]   SQL statements one request of each operation",
            "        sends to MariaDB (general log), as a table; --report puts it in the file under that label",
            "  ./twork smoke --base URL --key CK:CS [--members 5,6,7] [--expect FILE | --record FILE] [--rest-route]   read-only check (docs/cutover.md)",
            "P is read, write or read_write (default read_write).");

    private TworkCommand() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        try {
            System.exit(execute(List.of(args), out));
        } catch (PayaraServer.PortTakenException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        } catch (Exception e) {
            System.err.println("Failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Runs one command without exiting the JVM (used by main and by tests). */
    public static int execute(List<String> args, PrintStream out) throws Exception {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("No command given.");
        }
        switch (args.get(0)) {
            case "run":
                return run(out);
            case "cluster":
                return new ClusterCommand(out)
                        .run(Integer.parseInt(
                                options(args.subList(1, args.size())).getOrDefault("--instances", "3")));
            case "key":
                return key(args.subList(1, args.size()), out);
            case "account":
                return account(args.subList(1, args.size()), out);
            case "seed":
                return seed(args.subList(1, args.size()), out);
            case "import-legacy":
                return importLegacy(args.subList(1, args.size()), out);
            case "smoke":
                return com.twork.points.launcher.smoke.SmokeCommand.execute(args.subList(1, args.size()), out);
            case "generate":
                return generate(args.subList(1, args.size()), out);
            case "bench":
                return new BenchCommand(out)
                        .run(
                                BenchCommand.options(options(args.subList(1, args.size()))),
                                Path.of(LauncherConfig.value(
                                                "twork.payara.jar", "launcher/target/payara/payara-micro.jar"))
                                        .toAbsolutePath(),
                                Path.of(LauncherConfig.value("twork.war", "web/target/ROOT.war"))
                                        .toAbsolutePath());
            case "statements":
                return new StatementsCommand(out)
                        .run(
                                StatementsCommand.options(
                                        options(args.subList(1, args.size())),
                                        Path.of(LauncherConfig.value("twork.war", "web/target/ROOT.war"))
                                                .toAbsolutePath()),
                                Path.of(LauncherConfig.value(
                                                "twork.payara.jar", "launcher/target/payara/payara-micro.jar"))
                                        .toAbsolutePath());
            default:
                throw new IllegalArgumentException("Unknown command: " + args.get(0));
        }
    }

    private static int run(PrintStream out) throws Exception {
        int port = LauncherConfig.httpPort();
        if (!Ports.isFree(port)) {
            throw new PayaraServer.PortTakenException(port);
        }
        Path dataDir = LauncherConfig.dataDir();
        Map<String, String> properties = new HashMap<>();
        EmbeddedDatabase embedded = null;
        if (LauncherConfig.externalDatabaseUrl().isPresent()) {
            properties.put("twork.db.url", LauncherConfig.externalDatabaseUrl().get());
            properties.put("twork.db.user", LauncherConfig.databaseUser());
            properties.put("twork.db.password", LauncherConfig.databasePassword());
            out.println("Using the existing MariaDB at "
                    + LauncherConfig.externalDatabaseUrl().get());
        } else {
            out.println("Starting the embedded MariaDB (data in " + dataDir.resolve("mariadb") + ") ...");
            embedded = EmbeddedDatabase.start(dataDir.resolve("mariadb"));
            Files.writeString(Database.portFile(dataDir), Integer.toString(embedded.port()));
            properties.put("twork.db.url", embedded.jdbcUrl());
            properties.put("twork.db.user", EmbeddedDatabase.USER);
            properties.put("twork.db.password", EmbeddedDatabase.PASSWORD);
        }
        properties.put(
                "twork.log.dir",
                LauncherConfig.value("twork.log.dir", dataDir.resolve("logs").toString()));
        LauncherConfig.value("twork.clock.test-shift-enabled")
                .ifPresent(value -> properties.put("twork.clock.test-shift-enabled", value));
        Path war = Path.of(LauncherConfig.value("twork.war", "web/target/ROOT.war"))
                .toAbsolutePath();
        Path payara = Path.of(LauncherConfig.value("twork.payara.jar", "launcher/target/payara/payara-micro.jar"))
                .toAbsolutePath();
        String host = LauncherConfig.httpHost();
        out.println("Starting Payara Micro on " + host + ":" + port + " ...");
        EmbeddedDatabase database = embedded;
        PayaraServer server;
        try {
            server = PayaraServer.launch(new PayaraServer.Options(
                    payara, war, host, port, dataDir.resolve("payara"), properties, null, Optional.empty()));
        } catch (RuntimeException e) {
            stopDatabase(database, dataDir);
            throw e;
        }
        // Stop Payara before the database, whenever this process is asked to end (Ctrl+C, kill).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopDatabase(database, dataDir);
        }));
        server.awaitReady();
        printWelcome(out, server);
        return server.waitFor();
    }

    static void stopDatabase(EmbeddedDatabase database, Path dataDir) {
        if (database != null) {
            database.close();
            try {
                Files.deleteIfExists(Database.portFile(dataDir));
            } catch (IOException e) {
                System.err.println("Could not remove " + Database.portFile(dataDir) + ": " + e.getMessage());
            }
        }
    }

    private static void printWelcome(PrintStream out, PayaraServer server) {
        String base = server.baseUrl();
        out.println();
        out.println("T-Work Points is running.");
        out.println("  Listening: " + server.host() + ":" + server.port()
                + (server.host().startsWith("127.")
                        ? "   (this machine only; TWORK_HTTP_HOST=0.0.0.0 accepts other machines, e.g. phones on a LAN)"
                        : ""));
        out.println("  REST API:  " + base + "/wp-json/twork/v1/points/   (e.g. GET .../balance/{user_id})");
        out.println("  Console:   " + base + "/admin/   (staff accounts: ./twork account create --login NAME)");
        out.println("  Health:    " + base + "/health   Metrics: " + base + "/metrics   OpenAPI: " + base + "/openapi");
        out.println("  Logs:      "
                + LauncherConfig.value(
                        "twork.log.dir",
                        LauncherConfig.dataDir().resolve("logs").toString()) + "/twork-points.0.log (JSON lines)");
        out.println("Create an API key in another terminal:  ./twork key create --description \"Mobile app\"");
        out.println("Stop with Ctrl+C.");
    }

    private static int key(List<String> args, PrintStream out) throws Exception {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("key needs a sub-command.");
        }
        Map<String, String> options = options(args.subList(1, args.size()));
        try (Database database = Database.open();
                Connection connection = database.connect()) {
            SchemaMigrator.migrate(database.dataSource());
            ApiKeyCommands keys = new ApiKeyCommands(connection, out);
            switch (args.get(0)) {
                case "create" -> keys.create(description(options), permission(options));
                case "register" ->
                    keys.register(
                            required(options, "--consumer-key"),
                            required(options, "--consumer-secret"),
                            description(options),
                            permission(options));
                case "list" -> keys.list();
                case "revoke" -> keys.revoke(Long.parseLong(required(options, "")));
                default -> throw new IllegalArgumentException("Unknown key command: " + args.get(0));
            }
        }
        return 0;
    }

    private static int account(List<String> args, PrintStream out) throws Exception {
        if (args.isEmpty() || !"create".equals(args.get(0))) {
            throw new IllegalArgumentException("account needs the sub-command create.");
        }
        Map<String, String> options = options(args.subList(1, args.size()));
        String login = required(options, "--login");
        String role = options.getOrDefault("--role", "ADMIN");
        if (!"ADMIN".equals(role) && !"MANAGER".equals(role)) {
            throw new IllegalArgumentException(
                    "--role must be ADMIN or MANAGER (customers log in with their shop account)");
        }
        String password = readPassword(out);
        try (Database database = Database.open();
                Connection connection = database.connect()) {
            SchemaMigrator.migrate(database.dataSource());
            new AccountCommands(connection, out).createStaff(login, password, role);
        }
        return 0;
    }

    private static int seed(List<String> args, PrintStream out) throws Exception {
        for (String arg : args) {
            if (!"--sample".equals(arg) && !"--force".equals(arg)) {
                throw new IllegalArgumentException("Unknown seed option: " + arg);
            }
        }
        try (Database database = Database.open();
                Connection connection = database.connect()) {
            SchemaMigrator.migrate(database.dataSource());
            new SeedCommands(connection, out).seed(args.contains("--force"), args.contains("--sample"));
        }
        return 0;
    }

    private static int importLegacy(List<String> args, PrintStream out) throws Exception {
        LegacyImportCommand.Options options = LegacyImportCommand.options(args, TworkCommand::firstLineOfInput);
        try (Database database = Database.open();
                Connection connection = database.connect()) {
            SchemaMigrator.migrate(database.dataSource());
            return new LegacyImportCommand(connection, out).run(options);
        }
    }

    private static int generate(List<String> args, PrintStream out) throws Exception {
        Map<String, String> options = options(args);
        for (String name : options.keySet()) {
            if (!List.of("--members", "--transactions", "--seed").contains(name)) {
                throw new IllegalArgumentException("Unknown generate option: " + name);
            }
        }
        DatasetGenerator.Options wanted = new DatasetGenerator.Options(
                Integer.parseInt(options.getOrDefault("--members", "100000")),
                Long.parseLong(options.getOrDefault("--transactions", "5000000")),
                Long.parseLong(options.getOrDefault("--seed", "42")));
        try (Database database = Database.open();
                Connection connection = database.connect()) {
            SchemaMigrator.migrate(database.dataSource());
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

    /** {@code --name value} pairs; a bare word is stored under the empty name. */
    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String name = rest.remove(0);
            if (name.startsWith("--")) {
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException(name + " needs a value.");
                }
                options.put(name, rest.remove(0));
            } else {
                options.put("", name);
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name.isEmpty() ? "An id is required." : name + " is required.");
        }
        return value;
    }

    private static String description(Map<String, String> options) {
        return options.getOrDefault("--description", "Created from the command line");
    }

    private static Permission permission(Map<String, String> options) {
        String value = options.getOrDefault("--permissions", "read_write");
        return Permission.fromWire(value)
                .orElseThrow(() -> new IllegalArgumentException("--permissions must be read, write or read_write"));
    }
}
