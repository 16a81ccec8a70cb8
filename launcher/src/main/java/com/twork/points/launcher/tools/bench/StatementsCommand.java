package com.twork.points.launcher.tools.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./twork statements}: how many SQL statements (round trips) one request of each operation sends to MariaDB.
 * Starts the database and the server as {@code ./twork bench} does, warms every operation up (so the settings and
 * API-key caches are filled and first-time statements are out of the way), then per operation sends single requests
 * with MariaDB's general log switched on around each one and counts the log's rows of the server's connections by
 * kind. Each request uses a fresh member (positive balance, nothing due: the state the expiry job leaves) and fresh
 * order and item ids, as the load benchmark does; the median of several requests is reported.
 */
public final class StatementsCommand {
    static final String BEGIN = "<!-- statements:begin -->";
    static final String END = "<!-- statements:end -->";
    static final String TABLE = "<!-- statements:table ";
    static final String HEADING = "## Statements per request";
    private static final String PREFIX = "/wp-json/twork/v1/points";
    /** Unmeasured requests of an operation before its first measured one. */
    private static final int WARM_UP = 3;

    /** The operations counted, with the request each sends (bench/points.lua's bodies). */
    enum Operation {
        EARN("earn (order id)"),
        EARN_NO_ORDER("earn (no order id)"),
        REDEEM("redeem (1 point)"),
        SYNC10("sync10 (new earn items)"),
        SYNC100("sync100 (new earn items)"),
        BALANCE("balance"),
        TRANSACTIONS("transactions (page 1)");

        final String title;

        Operation(String title) {
            this.title = title;
        }
    }

    record Options(Path data, Path war, int repeat, Optional<Path> report, String label) {
        Options {
            if (repeat < 1) {
                throw new IllegalArgumentException("--repeat must be at least 1");
            }
            if (label.isBlank() || !label.matches("[\\w .:+()/,-]{1,60}")) {
                throw new IllegalArgumentException(
                        "--label must be 1 to 60 letters, digits, spaces or . : + ( ) / , - (e.g. before, after)");
            }
        }
    }

    /** The statements of one request by kind; {@code log} is what the server sent, in order. */
    record Count(Map<Kind, Integer> kinds, Map<String, Integer> commandTypes, List<String> log) {
        int total() {
            return log.size();
        }

        int of(Kind kind) {
            return kinds.getOrDefault(kind, 0);
        }
    }

    /** What a general-log entry is, for the table's columns. */
    enum Kind {
        SELECT,
        INSERT,
        UPDATE,
        TRANSACTION_CONTROL,
        OTHER
    }

    /** One operation's measured requests: the median one, and the range. */
    record Result(Operation operation, Count median, int min, int max, int samples) {}

    private final PrintStream out;
    private final AtomicLong sequence = new AtomicLong();
    private final String run = Long.toString(System.currentTimeMillis() / 1000 % 100_000);

    public StatementsCommand(PrintStream out) {
        this.out = out;
    }

    public static Options options(Map<String, String> given, Path defaultWar) {
        for (String name : given.keySet()) {
            if (!List.of("--data", "--war", "--repeat", "--report", "--label").contains(name)) {
                throw new IllegalArgumentException("Unknown statements option: " + name);
            }
        }
        return new Options(
                Path.of(given.getOrDefault("--data", "target/bench/data")).toAbsolutePath(),
                given.containsKey("--war") ? Path.of(given.get("--war")).toAbsolutePath() : defaultWar,
                Integer.parseInt(given.getOrDefault("--repeat", "5")),
                Optional.ofNullable(given.get("--report")).map(Path::of),
                given.getOrDefault("--label", "current"));
    }

    public int run(Options options, Path payaraJar) throws Exception {
        String commit = commitOf(options.war());
        out.println("Counting statements per request of " + options.war() + " (" + commit + ") on " + options.data());
        List<Result> results = new ArrayList<>();
        BenchEnvironment.Dataset dataset;
        try (BenchEnvironment environment =
                        BenchEnvironment.start(options.data(), payaraJar, options.war(), "statements-payara.log");
                Connection log = environment.connect()) {
            dataset = environment.dataset();
            Deque<Long> members = freshMembers(log, Operation.values().length * (WARM_UP + 2 * options.repeat()));
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            String base = environment.server().baseUrl();
            for (Operation operation : Operation.values()) {
                for (int i = 0; i < WARM_UP; i++) {
                    send(client, base, environment.authorization(), operation, members.pop());
                }
            }
            try (Statement statement = log.createStatement()) {
                statement.execute("SET GLOBAL log_output = 'TABLE'");
            }
            for (Operation operation : Operation.values()) {
                List<Count> counts = new ArrayList<>();
                for (int i = 0; i < options.repeat(); i++) {
                    // Right before: the 3 s key and settings caches are fresh for the measured request.
                    send(client, base, environment.authorization(), operation, members.pop());
                    counts.add(counted(
                            log, () -> send(client, base, environment.authorization(), operation, members.pop())));
                }
                Result result = summarise(operation, counts);
                results.add(result);
                out.printf(
                        Locale.ROOT,
                        "%-26s %4d statements (%d-%d of %d requests)%n",
                        operation.title,
                        result.median().total(),
                        result.min(),
                        result.max(),
                        result.samples());
            }
        }
        String table = table(results);
        out.println();
        out.print(table);
        Path statementLog =
                options.data().resolve("statements-" + options.label().replaceAll("[^\\w.-]", "_") + ".log");
        Files.writeString(statementLog, logOf(results));
        out.println("The median request's statements of each operation: " + statementLog);
        if (options.report().isPresent()) {
            Path report = options.report().get();
            String existing = Files.exists(report) ? Files.readString(report) : "";
            Files.writeString(
                    report,
                    splice(
                            existing,
                            options.label(),
                            block(options.label(), commit, options.repeat(), dataset, table)));
            out.println("Table \"" + options.label() + "\" written to " + report);
        }
        return 0;
    }

    /** Members with points and nothing due, in random order; each request takes the next one. */
    private static Deque<Long> freshMembers(Connection connection, int needed) throws SQLException {
        List<Long> members = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT a.user_id FROM point_account a JOIN member m"
                        + " ON m.user_id = a.user_id WHERE m.status = 'active' AND a.balance > 0 AND NOT EXISTS"
                        + " (SELECT 1 FROM point_transaction t WHERE t.user_id = a.user_id"
                        + " AND t.lot_expiry <= UTC_TIMESTAMP(6)) ORDER BY RAND() LIMIT " + needed)) {
            while (rows.next()) {
                members.add(rows.getLong(1));
            }
        }
        if (members.size() < needed) {
            throw new IllegalStateException("The dataset has only " + members.size() + " members with points and"
                    + " nothing due; " + needed + " are needed (a larger dataset, or a smaller --repeat)");
        }
        return new ArrayDeque<>(members);
    }

    @FunctionalInterface
    private interface Request {
        void send() throws IOException, InterruptedException;
    }

    /** Runs {@code request} with the general log on and counts what the server's connections sent meanwhile. */
    private static Count counted(Connection connection, Request request)
            throws SQLException, IOException, InterruptedException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE mysql.general_log");
            statement.execute("SET GLOBAL general_log = 1");
            try {
                request.send();
                // After-commit work (events, metrics) may still be on its way to the database.
                TimeUnit.MILLISECONDS.sleep(100);
            } finally {
                statement.execute("SET GLOBAL general_log = 0");
            }
            Map<Kind, Integer> kinds = new LinkedHashMap<>();
            Map<String, Integer> commandTypes = new LinkedHashMap<>();
            List<String> log = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT command_type, CONVERT(argument USING utf8mb4)"
                    + " FROM mysql.general_log WHERE thread_id <> CONNECTION_ID() ORDER BY event_time")) {
                while (rows.next()) {
                    String type = rows.getString(1);
                    String argument = rows.getString(2) == null ? "" : rows.getString(2);
                    Kind kind = kindOf(type, argument);
                    kinds.merge(kind, 1, Integer::sum);
                    commandTypes.merge(type, 1, Integer::sum);
                    log.add(type + " [" + kind + "] " + oneLine(argument));
                }
            }
            return new Count(kinds, commandTypes, log);
        }
    }

    /** A general-log entry's kind: statements by their first keyword, protocol commands (Prepare, Close stmt) other. */
    static Kind kindOf(String commandType, String argument) {
        if (!"Query".equalsIgnoreCase(commandType) && !"Execute".equalsIgnoreCase(commandType)) {
            return Kind.OTHER;
        }
        String sql = withoutLeadingComments(argument).toLowerCase(Locale.ROOT);
        if (sql.startsWith("select") || sql.startsWith("(select") || sql.startsWith("with")) {
            return Kind.SELECT;
        }
        if (sql.startsWith("insert") || sql.startsWith("replace")) {
            return Kind.INSERT;
        }
        if (sql.startsWith("update")) {
            return Kind.UPDATE;
        }
        if (sql.matches("(set\\s+(session\\s+|@@session\\.|@@)?autocommit|commit|rollback|start\\s+transaction|begin"
                + "|savepoint|release\\s+savepoint|xa\\s)[\\s\\S]*")) {
            return Kind.TRANSACTION_CONTROL;
        }
        return Kind.OTHER;
    }

    private static String withoutLeadingComments(String sql) {
        String rest = sql.strip();
        while (rest.startsWith("/*") && rest.contains("*/")) {
            rest = rest.substring(rest.indexOf("*/") + 2).strip();
        }
        return rest;
    }

    static Result summarise(Operation operation, List<Count> counts) {
        List<Count> sorted =
                counts.stream().sorted(Comparator.comparingInt(Count::total)).toList();
        return new Result(
                operation,
                sorted.get((sorted.size() - 1) / 2),
                sorted.get(0).total(),
                sorted.get(sorted.size() - 1).total(),
                sorted.size());
    }

    static String table(List<Result> results) {
        StringBuilder md = new StringBuilder();
        md.append("| operation | statements | SELECT | INSERT | UPDATE | transaction control | other | range |"
                + " command types |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Result result : results) {
            Count count = result.median();
            StringBuilder types = new StringBuilder();
            count.commandTypes()
                    .forEach((type, n) -> types.append(types.length() == 0 ? "" : ", ")
                            .append(type)
                            .append(' ')
                            .append(n));
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %d | %d | %d | %d | %d-%d | %s |%n",
                    result.operation().title,
                    count.total(),
                    count.of(Kind.SELECT),
                    count.of(Kind.INSERT),
                    count.of(Kind.UPDATE),
                    count.of(Kind.TRANSACTION_CONTROL),
                    count.of(Kind.OTHER),
                    result.min(),
                    result.max(),
                    types));
        }
        return md.toString();
    }

    static String block(String label, String commit, int repeat, BenchEnvironment.Dataset dataset, String table) {
        return TABLE + label + " -->\n"
                + "#### " + label + " — " + LocalDate.now(ZoneOffset.UTC) + ", commit " + commit + "\n\n"
                + String.format(
                        Locale.ROOT,
                        "Median of %d requests per operation (range: fewest-most); dataset of %,d members and %,d"
                                + " transactions.%n%n",
                        repeat,
                        dataset.members(),
                        dataset.transactions())
                + table + "\n";
    }

    /**
     * {@code existing} with the labelled table {@code block} put between the statements markers: it replaces the
     * table of the same label and keeps the others in their order; a new label goes last. Markers that are missing
     * are added at the end under the section heading.
     */
    static String splice(String existing, String label, String block) {
        int begin = existing.indexOf(BEGIN);
        int end = existing.indexOf(END);
        if (begin < 0 || end < begin) {
            String section = existing.contains(HEADING) ? "" : "\n" + HEADING + "\n\n";
            String separator = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
            return existing + separator + section + BEGIN + "\n" + block + END + "\n";
        }
        String inside = existing.substring(begin + BEGIN.length(), end);
        List<String> blocks = new ArrayList<>();
        int at = inside.indexOf(TABLE);
        while (at >= 0) {
            int next = inside.indexOf(TABLE, at + TABLE.length());
            blocks.add(inside.substring(at, next < 0 ? inside.length() : next));
            at = next;
        }
        String own = TABLE + label + " -->";
        boolean replaced = false;
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).startsWith(own + "\n")) {
                blocks.set(i, block);
                replaced = true;
            }
        }
        if (!replaced) {
            blocks.add(block);
        }
        StringBuilder result =
                new StringBuilder(existing.substring(0, begin)).append(BEGIN).append('\n');
        for (String each : blocks) {
            result.append(each.endsWith("\n") ? each : each + "\n");
        }
        return result.append(existing.substring(end)).toString();
    }

    private static String logOf(List<Result> results) {
        StringBuilder text = new StringBuilder();
        for (Result result : results) {
            text.append("## ")
                    .append(result.operation().title)
                    .append(": ")
                    .append(result.median().total())
                    .append(" statements\n");
            result.median().log().forEach(line -> text.append(line).append('\n'));
            text.append('\n');
        }
        return text.toString();
    }

    private static String oneLine(String sql) {
        String line = sql.replaceAll("\\s+", " ").strip();
        return line.length() > 400 ? line.substring(0, 400) + " ..." : line;
    }

    /** Sends one request of {@code operation} for {@code member}; anything but 200 stops the count. */
    private void send(HttpClient client, String base, String authorization, Operation operation, long member)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder().timeout(Duration.ofSeconds(30)).header("Authorization", authorization);
        switch (operation) {
            case BALANCE -> request.uri(URI.create(base + PREFIX + "/balance/" + member));
            case TRANSACTIONS ->
                request.uri(URI.create(base + PREFIX + "/transactions/" + member + "?page=1&per_page=20"));
            default ->
                request.uri(URI.create(base + PREFIX + path(operation)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body(operation, member), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.body().contains("\"rejected\"")) {
            throw new IllegalStateException(operation.title + " for member " + member + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    private static String path(Operation operation) {
        return switch (operation) {
            case EARN, EARN_NO_ORDER -> "/earn";
            case REDEEM -> "/redeem";
            default -> "/sync";
        };
    }

    /** The bodies bench/points.lua sends (earn without order id: the same with the order id left out). */
    String body(Operation operation, long member) {
        return switch (operation) {
            case EARN ->
                "{\"user_id\": " + member + ", \"points\": " + points(200) + ", \"order_id\": \"S" + unique()
                        + "\", \"description\": \"Benchmark order\"}";
            case EARN_NO_ORDER ->
                "{\"user_id\": " + member + ", \"points\": " + points(200) + ", \"description\": \"Benchmark order\"}";
            case REDEEM ->
                "{\"user_id\": " + member + ", \"points\": 1, \"description\": \"Benchmark redemption " + unique()
                        + "\"}";
            case SYNC10 -> sync(member, 10);
            case SYNC100 -> sync(member, 100);
            default -> throw new IllegalArgumentException(operation + " has no body");
        };
    }

    private String sync(long member, int items) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            parts.add("{\"id\": \"" + unique() + "\", \"type\": \"earn\", \"points\": " + points(20)
                    + ", \"description\": \"Benchmark check-in\"}");
        }
        return "{\"user_id\": " + member + ", \"transactions\": [" + String.join(", ", parts) + "]}";
    }

    /** Digits unique to this run, as bench/points.lua makes them (run, a thread number of its own, a counter). */
    private String unique() {
        return run + "77" + String.format(Locale.ROOT, "%09d", sequence.incrementAndGet());
    }

    private static int points(int max) {
        return 1 + ThreadLocalRandom.current().nextInt(max);
    }

    /** The short commit of the checkout the WAR was built in, marked when that checkout has uncommitted changes. */
    static String commitOf(Path war) {
        Path folder = Optional.ofNullable(war.getParent()).orElse(Path.of("."));
        Optional<String> commit = git(folder, "rev-parse", "--short", "HEAD");
        if (commit.isEmpty()) {
            return "unknown";
        }
        boolean changed = git(folder, "status", "--porcelain", "--untracked-files=no")
                .map(status -> !status.isBlank())
                .orElse(false);
        return commit.get() + (changed ? " + uncommitted changes" : "");
    }

    private static Optional<String> git(Path folder, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-C", folder.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
