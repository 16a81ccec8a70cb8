package com.twork.points.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.MixedWrites;
import com.twork.points.it.MixedWrites.Outcome;
import com.twork.points.it.MixedWrites.Sent;
import com.twork.points.it.OwnDatabase;
import com.twork.points.it.TestServers;
import com.twork.points.launcher.server.Folders;
import com.twork.points.launcher.server.Galera;
import com.twork.points.launcher.server.PayaraServer;
import com.twork.points.platform.control.SchemaMigrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The ledger on a three-node MariaDB Galera cluster (issue 17), one cluster and one Payara Micro for the class, all
 * from Debian's packages on loopback ({@link Galera}, what {@code ./twork galera} runs). The server's pool uses
 * Connector/J's {@code loadbalance} mode, so its connections sit on every node and concurrent use cases write on
 * different nodes at once: the worst case for certification, stricter than the single-writer routing recommended
 * in production (docs/decisions.md). Checks read each node with {@code wsrep_sync_wait} (read-your-writes).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GaleraIT {
    /** The ledger as stored: compared node by node with CHECKSUM TABLE once writes have stopped. */
    private static final String LEDGER_TABLES =
            "member, point_account, point_transaction, point_allocation, idempotency_record, audit_log,"
                    + " audit_chain_head";

    private static final int THREADS = 6;
    private static final int MEMBERS = 12;
    private static final AtomicInteger NEXT_MEMBER = new AtomicInteger(8_000_000);
    private static final List<String> MIGRATIONS = Collections.synchronizedList(new ArrayList<>());
    private static final Map<String, Connection> READERS = new HashMap<>();
    private static Path work;
    private static Galera galera;
    private static PayaraServer server;
    private static Fixtures.Key key;

    @BeforeAll
    static void start() throws Exception {
        work = Path.of(System.getProperty("twork.it.work-dir", "target/it"))
                .resolveSibling("it-galera")
                .toAbsolutePath();
        Folders.deleteTree(work);
        // The nodes run as the mysql account when the build runs as root: their folders must be reachable by it
        // whatever the checkout's parents are (e.g. /root), so they live in a temporary folder.
        Path nodes = Files.createTempDirectory("twork-galera-it");
        Files.setPosixFilePermissions(nodes, PosixFilePermissions.fromString("rwx--x--x"));
        galera = Galera.in(nodes, 3);
        long started = System.nanoTime();
        galera.start();
        System.out.printf("Galera cluster of 3 up in %d s%n", (System.nanoTime() - started) / 1_000_000_000L);

        // Several instances starting at once, each through another node: the schema is migrated once.
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> migrations = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Galera.Node node = galera.nodes().get(i % 3);
            migrations.add(pool.submit(() -> {
                go.await();
                MariaDbDataSource dataSource = new MariaDbDataSource(node.jdbcUrl());
                dataSource.setUser(Galera.USER);
                dataSource.setPassword(galera.password());
                MIGRATIONS.add(node.name() + ": " + SchemaMigrator.migrate(dataSource).migrationsExecuted);
                return null;
            }));
        }
        go.countDown();
        for (Future<?> migration : migrations) {
            migration.get(300, TimeUnit.SECONDS);
        }
        pool.shutdown();

        Galera.Node first = galera.nodes().get(0);
        update(first, "UPDATE setting SET value = '1440', updated_by = 'test' WHERE name = 'expiry_interval_minutes'");
        update(first, "UPDATE job_schedule SET next_run_at = UTC_TIMESTAMP(6) + INTERVAL 1 DAY");
        try (Connection connection = connect(first)) {
            key = OwnDatabase.newKey(connection);
        }
        server = TestServers.launch(work, galera.loadBalancedUrl(), Galera.USER, galera.password());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (galera != null) {
                galera.nodes().forEach(GaleraIT::closeReader);
                galera.stop();
                // The nodes' logs next to the other test output (CI keeps target/it-galera), then their data goes.
                Path logs = Files.createDirectories(work.resolve("galera-logs"));
                for (Galera.Node node : galera.nodes()) {
                    if (Files.isRegularFile(node.errorLog())) {
                        Files.copy(
                                node.errorLog(),
                                logs.resolve(node.name() + "-error.log"),
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                Folders.deleteTree(galera.work());
            }
        }
    }

    @Test
    @Order(1)
    void everyMigrationRanOnceWhileSixMigratorsStartedOnThreeNodes() throws Exception {
        assertEquals(6, MIGRATIONS.size(), MIGRATIONS.toString());
        for (Galera.Node node : galera.nodes()) {
            assertEquals(
                    0,
                    count(node, "SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success"),
                    "no failed migration on " + node.name());
            assertEquals(
                    count(node, "SELECT COUNT(DISTINCT version) FROM flyway_schema_history"),
                    count(node, "SELECT COUNT(*) FROM flyway_schema_history"),
                    "each version once on " + node.name());
            assertEquals(0, count(node, "SELECT COUNT(*) FROM schema_migration_claim"), "claim released");
            assertEquals("3", galera.status(node, "wsrep_cluster_size"));
            assertEquals("Synced", galera.status(node, "wsrep_local_state_comment"));
        }
        long executed = MIGRATIONS.stream()
                .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(": ") + 2)))
                .sum();
        assertEquals(
                count(galera.nodes().get(0), "SELECT COUNT(*) FROM flyway_schema_history WHERE version > '0'"),
                executed,
                "the migrations were applied by exactly one migrator: " + MIGRATIONS);
    }

    @Test
    @Order(2)
    void fiftyConcurrentRedeemsWrittenOnDifferentNodesLetExactlyTenThrough() throws Exception {
        long member = newMember();
        assertEquals(
                200,
                send(post("/earn", "{\"user_id\": " + member + ", \"points\": 100}"))
                        .status());
        Map<String, Long> localCommits = statusOfEveryNode("wsrep_local_commits");
        Map<String, Long> certificationFailures = statusOfEveryNode("wsrep_local_cert_failures");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // Each request with its own key: a 503 (conflicts outlasted the retries) is sent again as a client would.
            Sent redeem = new Sent(
                    "redeem",
                    member,
                    "galera-redeem-" + i,
                    "/redeem",
                    "{\"user_id\": " + member + ", \"points\": 10}",
                    "galera-redeem-" + i + "-" + UUID.randomUUID(),
                    List.of());
            answers.add(pool.submit(() -> {
                go.await();
                return untilAnswered(redeem);
            }));
        }
        go.countDown();
        int succeeded = MixedWrites.throughElseInsufficient(answers, Duration.ofSeconds(180));
        pool.shutdown();
        Map<String, Long> committedBy = difference(statusOfEveryNode("wsrep_local_commits"), localCommits);
        Map<String, Long> refused = difference(statusOfEveryNode("wsrep_local_cert_failures"), certificationFailures);
        System.out.printf(
                "Galera: 50 concurrent redeems, %d through; local commits per node %s, certification failures %s%n",
                succeeded, committedBy, refused);
        assertEquals(10, succeeded);
        assertTrue(
                committedBy.values().stream().filter(n -> n > 0).count() >= 2,
                "the redeems were written on more than one node: " + committedBy);
        for (Galera.Node node : galera.nodes()) {
            assertEquals(0, Ledger.assertInvariant(reader(node), member), "on " + node.name());
            assertEquals(
                    10,
                    count(
                            node,
                            "SELECT COUNT(*) FROM point_transaction WHERE user_id = ? AND type = 'redeem'",
                            member));
        }
    }

    @Test
    @Order(3)
    void aNodeKilledUnderLoadLosesNoAnsweredWriteAndRejoinsByIst() throws Exception {
        long firstMember = NEXT_MEMBER.getAndAdd(MEMBERS);
        for (long member = firstMember; member < firstMember + MEMBERS; member++) {
            insertMember(member);
        }
        Galera.Node victim = galera.nodes().get(0);
        List<Galera.Node> survivors = galera.nodes().subList(1, 3);
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            pool.submit(() -> {
                Random random = new Random();
                while (!stop.get()) {
                    Sent sent = MixedWrites.next(
                            "galera", 1, firstMember + random.nextInt(MEMBERS), sequence.incrementAndGet(), random);
                    outcomes.add(send(sent));
                }
            });
        }
        awaitAnswered(outcomes, 60);
        galera.kill(victim);
        int answeredAtKill = answered(outcomes);
        long killedAt = System.nanoTime();
        // The survivors go on taking writes once they have declared the node gone (about 3 s here).
        while (answered(outcomes) < answeredAtKill + 60 && System.nanoTime() - killedAt < 60_000_000_000L) {
            Thread.sleep(100);
        }
        Thread.sleep(1_000);
        stop.set(true);
        pool.shutdown();
        assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS), "load threads ended");
        List<Outcome> sent = new ArrayList<>(outcomes);
        System.out.printf(
                "Galera kill: %d requests, %d answered 2xx (%d of them after the kill), others: %s%n",
                sent.size(), answered(sent), answered(sent) - answeredAtKill, statusCounts(sent));
        assertTrue(answered(sent) >= answeredAtKill + 40, "the survivors took writes after the kill");
        assertEquals("2", galera.status(survivors.get(0), "wsrep_cluster_size"));

        for (Galera.Node survivor : survivors) {
            Ledger.Counter db = reader(survivor);
            for (Outcome outcome : sent) {
                if (outcome.ok()) {
                    MixedWrites.assertRecorded(db, outcome);
                }
            }
            for (long member = firstMember; member < firstMember + MEMBERS; member++) {
                Ledger.assertInvariant(db, member);
            }
        }

        long logBefore = Files.size(victim.errorLog());
        long rejoining = System.nanoTime();
        galera.startNode(victim);
        System.out.printf("Galera: %s rejoined in %d ms%n", victim.name(), (System.nanoTime() - rejoining) / 1_000_000);
        String rejoinLog = Files.readString(victim.errorLog()).substring((int) logBefore);
        assertTrue(rejoinLog.contains("Receiving IST"), "the killed node caught up by IST:\n" + rejoinLog);
        assertFalse(rejoinLog.contains("rsync SST completed"), "no full copy (SST) was needed");
        assertEquals("3", galera.status(victim, "wsrep_cluster_size"));

        ExecutorService resend = Executors.newFixedThreadPool(THREADS);
        List<Future<Outcome>> retries = new ArrayList<>();
        for (Outcome outcome : sent) {
            retries.add(resend.submit(() -> untilAnswered(outcome.sent())));
        }
        List<Outcome> resent = new ArrayList<>();
        for (Future<Outcome> retry : retries) {
            resent.add(retry.get(300, TimeUnit.SECONDS));
        }
        resend.shutdown();
        Ledger.Counter rejoined = reader(victim);
        for (Outcome outcome : resent) {
            MixedWrites.assertExactlyOnce(rejoined, outcome);
        }
        for (Galera.Node node : galera.nodes()) {
            for (long member = firstMember; member < firstMember + MEMBERS; member++) {
                Ledger.assertInvariant(reader(node), member);
            }
        }
        assertIdenticalLedgers();
    }

    @Test
    @Order(4)
    void theWholeClusterStoppedAndStartedAgainLosesNothing() throws Exception {
        long member = newMember();
        assertEquals(
                200,
                send(post("/earn", "{\"user_id\": " + member + ", \"points\": 77}"))
                        .status());
        String before = assertIdenticalLedgers();
        galera.stop();
        for (Galera.Node node : galera.nodes()) {
            assertFalse(galera.isRunning(node));
        }
        galera.start();
        assertEquals(before, assertIdenticalLedgers(), "the ledger after the restart is the ledger before it");
        // The server was not restarted: its pool reconnects by itself.
        long deadline = System.nanoTime() + 60_000_000_000L;
        Outcome balance = send(get("/balance/" + member));
        while (balance.status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            balance = send(get("/balance/" + member));
        }
        assertEquals(200, balance.status(), balance.body());
        assertEquals(77, balance.object().getJsonNumber("current_balance").intValue());
        // A write may still meet a pooled connection the restart closed: 503, and the client resends (exactly once
        // by its order id), as after any outage.
        Outcome earned = untilAnswered(post(
                "/earn", "{\"user_id\": " + member + ", \"points\": 3, \"order_id\": \"restart-" + member + "\"}"));
        assertEquals(200, earned.status(), earned.body());
        for (Galera.Node node : galera.nodes()) {
            assertEquals(80, Ledger.assertInvariant(reader(node), member), "on " + node.name());
        }
    }

    /** CHECKSUM TABLE of the ledger tables, equal on every node; returns it. */
    private static String assertIdenticalLedgers() throws SQLException {
        Map<String, String> checksums = new HashMap<>();
        for (Galera.Node node : galera.nodes()) {
            StringBuilder sums = new StringBuilder();
            try (Connection connection = connect(node);
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("CHECKSUM TABLE " + LEDGER_TABLES)) {
                while (rows.next()) {
                    sums.append(rows.getString(1))
                            .append('=')
                            .append(rows.getLong(2))
                            .append(' ');
                }
            }
            checksums.put(node.name(), sums.toString().trim());
        }
        String first = checksums.get(galera.nodes().get(0).name());
        for (Galera.Node node : galera.nodes()) {
            assertEquals(first, checksums.get(node.name()), "ledger checksums of every node: " + checksums);
        }
        return first;
    }

    private static Map<String, Long> statusOfEveryNode(String variable) {
        Map<String, Long> values = new HashMap<>();
        for (Galera.Node node : galera.nodes()) {
            values.put(node.name(), Long.parseLong(galera.status(node, variable)));
        }
        return values;
    }

    private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> difference = new HashMap<>();
        after.forEach((node, value) -> difference.put(node, value - before.get(node)));
        return difference;
    }

    /** Sends it again while the answer says "come back" (503) or "still in progress" (409), for up to 90 s. */
    private static Outcome untilAnswered(Sent sent) throws InterruptedException {
        long deadline = System.nanoTime() + 90_000_000_000L;
        Outcome outcome = send(sent);
        while ((outcome.status() == 503 || outcome.status() == 409 || outcome.status() < 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            outcome = send(sent);
        }
        return outcome;
    }

    private static void awaitAnswered(List<Outcome> outcomes, int wanted) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (answered(outcomes) < wanted && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static int answered(List<Outcome> outcomes) {
        synchronized (outcomes) {
            return (int) outcomes.stream().filter(Outcome::ok).count();
        }
    }

    private static Map<Integer, Long> statusCounts(List<Outcome> outcomes) {
        Map<Integer, Long> counts = new HashMap<>();
        for (Outcome outcome : outcomes) {
            if (!outcome.ok()) {
                counts.merge(outcome.status(), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static Sent post(String path, String json) {
        return new Sent("post", 0, "", path, json, null, List.of());
    }

    private static Sent get(String path) {
        return new Sent("get", 0, "", path, null, null, List.of());
    }

    private static Outcome send(Sent sent) {
        if ("get".equals(sent.kind())) {
            Outcome outcome = MixedWrites.send(server.baseUrl(), key, "GET", sent.path(), null, null);
            return new Outcome(sent, outcome.status(), outcome.body());
        }
        return MixedWrites.send(server.baseUrl(), key, sent);
    }

    private static long newMember() {
        long member = NEXT_MEMBER.getAndIncrement();
        insertMember(member);
        return member;
    }

    private static void insertMember(long member) {
        update(
                galera.nodes().get(1),
                "INSERT INTO member (user_id, email, display_name, status, created_at, updated_at)"
                        + " VALUES (?, NULL, 'Galera test', 'active', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
                member);
    }

    /** Reads on one node, after every transaction the cluster committed before the read (wsrep_sync_wait). */
    private static Ledger.Counter reader(Galera.Node node) {
        return (sql, parameters) -> count(node, sql, parameters);
    }

    /** On the node's reading connection (opened again once if a restart closed it). */
    private static synchronized long count(Galera.Node node, String sql, Object... parameters) {
        for (int attempt = 1; ; attempt++) {
            try {
                Connection connection = READERS.get(node.name());
                if (connection == null || connection.isClosed()) {
                    connection = connect(node);
                    READERS.put(node.name(), connection);
                }
                return OwnDatabase.count(connection, sql, parameters);
            } catch (SQLException e) {
                closeReader(node);
                if (attempt == 2) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static synchronized void closeReader(Galera.Node node) {
        Connection connection = READERS.remove(node.name());
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Already gone with its node.
            }
        }
    }

    private static void update(Galera.Node node, String sql, Object... parameters) {
        try (Connection connection = connect(node)) {
            OwnDatabase.update(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(Galera.Node node) throws SQLException {
        MariaDbDataSource dataSource = new MariaDbDataSource(node.jdbcUrl() + "?sessionVariables=wsrep_sync_wait=1");
        return dataSource.getConnection(Galera.USER, galera.password());
    }
}
