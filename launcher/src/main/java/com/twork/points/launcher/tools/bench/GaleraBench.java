package com.twork.points.launcher.tools.bench;

import com.twork.points.launcher.server.ApiKeyCommands;
import com.twork.points.launcher.server.EmbeddedDatabase;
import com.twork.points.launcher.server.Folders;
import com.twork.points.launcher.server.Galera;
import com.twork.points.launcher.server.PayaraServer;
import com.twork.points.launcher.server.Ports;
import com.twork.points.platform.control.SchemaMigrator;
import com.twork.points.security.control.KeyHashing;
import com.twork.points.security.entity.Permission;
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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * {@code ./twork galera bench}: earn, redeem and balance on one MariaDB (the embedded one the server ships with)
 * and on the three-node Galera cluster through the recommended single-writer URL, same machine, same run, same
 * server build; plus what one commit costs on each (a single-row autocommit insert over JDBC). The figures replace
 * the text between the galera markers of the report. Closed-loop HTTP clients in this JVM, not wrk: the point is
 * the ratio between the two databases, which every request shares.
 */
public final class GaleraBench {
    private static final List<String> SCENARIOS = List.of("earn", "redeem", "balance");
    private static final int MEMBERS = 2_000;
    private static final int COMMITS = 2_000;

    private final PrintStream out;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public GaleraBench(PrintStream out) {
        this.out = out;
    }

    /** One measured point: requests per second and latency percentiles in milliseconds. */
    record Result(
            String database, String scenario, int connections, double perSecond, double p50, double p99, long errors) {}

    public int run(Path work, Path payaraJar, Path war, int seconds, List<Integer> connections, Path report)
            throws Exception {
        Folders.deleteTree(work);
        List<Result> results = new ArrayList<>();
        List<String> load = new ArrayList<>();
        double singleCommit;
        double galeraCommit;
        out.println("One MariaDB (embedded) ...");
        EmbeddedDatabase single = EmbeddedDatabase.start(work.resolve("single"));
        try {
            load.add(loadAverage());
            singleCommit = commitMillis(dataSource(single.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD));
            results.addAll(measure(
                    "one node",
                    single.jdbcUrl(),
                    EmbeddedDatabase.USER,
                    EmbeddedDatabase.PASSWORD,
                    work.resolve("single-server"),
                    payaraJar,
                    war,
                    seconds,
                    connections));
        } finally {
            single.close();
        }
        out.println("Three-node Galera cluster ...");
        Galera galera = Galera.in(work.resolve("galera"), 3);
        try {
            galera.start();
            load.add(loadAverage());
            galeraCommit = commitMillis(dataSource(galera.jdbcUrl(), Galera.USER, galera.password()));
            results.addAll(measure(
                    "Galera 3 nodes",
                    galera.jdbcUrl(),
                    Galera.USER,
                    galera.password(),
                    work.resolve("galera-server"),
                    payaraJar,
                    war,
                    seconds,
                    connections));
        } finally {
            galera.stop();
        }
        load.add(loadAverage());
        String table = table(results, singleCommit, galeraCommit, seconds)
                + String.format(
                        "%nLoad average (1 min) before the one-node run, before the Galera run, at the end: %s (other"
                                + " work on the machine slows both runs; compare the ratios, not the absolute figures).%n",
                        String.join(", ", load));
        out.println(table);
        write(report, table);
        out.println("Report written to " + report);
        return 0;
    }

    private List<Result> measure(
            String database,
            String url,
            String user,
            String password,
            Path work,
            Path payaraJar,
            Path war,
            int seconds,
            List<Integer> connections)
            throws Exception {
        MariaDbDataSource source = dataSource(url, user, password);
        SchemaMigrator.migrate(source);
        String consumerKey = KeyHashing.newConsumerKey();
        String consumerSecret = KeyHashing.newConsumerSecret();
        try (Connection connection = source.getConnection()) {
            new ApiKeyCommands(
                            connection, new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                    .register(consumerKey, consumerSecret, "Galera benchmark", Permission.READ_WRITE);
            BenchMembers.insert(connection, MEMBERS);
        }
        String auth = "Basic "
                + Base64.getEncoder()
                        .encodeToString((consumerKey + ":" + consumerSecret).getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(work);
        PayaraServer server = PayaraServer.launch(new PayaraServer.Options(
                payaraJar,
                war,
                Ports.freePort(),
                work.resolve("payara"),
                Map.of(
                        "twork.db.url", url,
                        "twork.db.user", user,
                        "twork.db.password", password,
                        "twork.log.dir", work.resolve("logs").toString()),
                work.resolve("payara.log")));
        List<Result> results = new ArrayList<>();
        try {
            server.awaitReady();
            String base = server.baseUrl() + "/wp-json/twork/v1/points";
            // Warm-up (JIT, pools), then every member gets points, so a redeem of 1 never meets an empty balance.
            load(base, auth, "earn", 16, 15);
            fund(base, auth);
            for (String scenario : SCENARIOS) {
                for (int c : connections) {
                    load(base, auth, scenario, c, 3);
                    Result result = load(base, auth, scenario, c, seconds);
                    results.add(new Result(
                            database, scenario, c, result.perSecond(), result.p50(), result.p99(), result.errors()));
                    out.printf(
                            Locale.ROOT,
                            "  %s %s c=%d: %.0f req/s, p50 %.1f ms, p99 %.1f ms, %d errors%n",
                            database,
                            scenario,
                            c,
                            result.perSecond(),
                            result.p50(),
                            result.p99(),
                            result.errors());
                }
            }
        } finally {
            server.close();
        }
        return results;
    }

    private void fund(String base, String auth) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int id = 1; id <= MEMBERS; id++) {
            String body = "{\"user_id\": " + id + ", \"points\": 100000}";
            answers.add(pool.submit(() -> client.send(
                            HttpRequest.newBuilder(URI.create(base + "/earn"))
                                    .header("Authorization", auth)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode()));
        }
        for (Future<Integer> answer : answers) {
            if (answer.get() != 200) {
                throw new IllegalStateException("Funding a member was answered " + answer.get());
            }
        }
        pool.shutdown();
    }

    /** {@code connections} closed-loop clients for {@code seconds}, each request to a random member. */
    private Result load(String base, String auth, String scenario, int connections, int seconds) throws Exception {
        ClosedLoop.Outcome outcome = ClosedLoop.run(connections, seconds, () -> send(base, auth, scenario) == 200);
        return new Result(
                "", scenario, connections, outcome.perSecond(), outcome.p50(), outcome.p99(), outcome.errors());
    }

    private int send(String base, String auth, String scenario) {
        long member = 1 + ThreadLocalRandom.current().nextInt(MEMBERS);
        HttpRequest.Builder request =
                HttpRequest.newBuilder().timeout(Duration.ofSeconds(30)).header("Authorization", auth);
        switch (scenario) {
            case "earn" ->
                request.uri(URI.create(base + "/earn"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\": " + member + ", \"points\": "
                                + (10 + ThreadLocalRandom.current().nextInt(90)) + "}"));
            case "redeem" ->
                request.uri(URI.create(base + "/redeem"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\": " + member + ", \"points\": 1}"));
            default -> request.uri(URI.create(base + "/balance/" + member)).GET();
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Milliseconds per single-row autocommit INSERT, one connection, {@link #COMMITS} of them after a warm-up. */
    private static double commitMillis(MariaDbDataSource source) throws SQLException {
        try (Connection connection = source.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS bench_commit (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " note VARCHAR(20) NOT NULL) ENGINE=InnoDB");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_commit (note) VALUES (?)")) {
                for (int i = 0; i < 200; i++) {
                    insert.setString(1, "warm-up");
                    insert.executeUpdate();
                }
                long started = System.nanoTime();
                for (int i = 0; i < COMMITS; i++) {
                    insert.setString(1, "measured");
                    insert.executeUpdate();
                }
                double millis = (System.nanoTime() - started) / 1e6 / COMMITS;
                statement.executeUpdate("DROP TABLE bench_commit");
                return millis;
            }
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static MariaDbDataSource dataSource(String url, String user, String password) throws SQLException {
        MariaDbDataSource source = new MariaDbDataSource(url);
        source.setUser(user);
        source.setPassword(password);
        return source;
    }

    private static String table(List<Result> results, double singleCommit, double galeraCommit, int seconds) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(
                Locale.ROOT,
                "Run %s on %d cores, %s; %d s per point, %d members, closed-loop clients in the launcher's JVM."
                        + " One node: the embedded MariaDB %s; Galera: 3 nodes of Debian's MariaDB %s with galera-4 on"
                        + " loopback, the server on the single-writer URL (`jdbc:mariadb:sequential:`).%n%n",
                LocalDate.now(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                seconds,
                MEMBERS,
                "11.4",
                "10.11"));
        table.append("| route | c | one node req/s | Galera req/s | Galera / one node | p50 ms one / Galera |"
                + " p99 ms one / Galera | errors one / Galera |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result one : results) {
            if (!"one node".equals(one.database())) {
                continue;
            }
            for (Result cluster : results) {
                if (cluster.database().equals("one node")
                        || !cluster.scenario().equals(one.scenario())
                        || cluster.connections() != one.connections()) {
                    continue;
                }
                table.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %,.0f | %,.0f | %.2f | %.1f / %.1f | %.1f / %.1f | %d / %d |%n",
                        one.scenario(),
                        one.connections(),
                        one.perSecond(),
                        cluster.perSecond(),
                        cluster.perSecond() / one.perSecond(),
                        one.p50(),
                        cluster.p50(),
                        one.p99(),
                        cluster.p99(),
                        one.errors(),
                        cluster.errors()));
            }
        }
        table.append(String.format(
                Locale.ROOT,
                "%nOne commit (single-row autocommit INSERT over JDBC, %d in a row): %.2f ms on one node, %.2f ms on"
                        + " Galera (%.1f×).%n",
                COMMITS,
                singleCommit,
                galeraCommit,
                galeraCommit / singleCommit));
        return table.toString();
    }

    private static void write(Path report, String table) throws IOException {
        ReportSection.write(report, "galera", table);
    }
}
