package com.twork.points.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Api;
import com.twork.points.it.ConsoleVisitor;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.Listeners;
import com.twork.points.it.MixedWrites;
import com.twork.points.it.MixedWrites.Outcome;
import com.twork.points.it.MixedWrites.Sent;
import com.twork.points.it.OwnDatabase;
import com.twork.points.it.RawHttp;
import com.twork.points.launcher.server.Cluster;
import com.twork.points.launcher.server.Folders;
import com.twork.points.launcher.server.Ports;
import com.twork.points.platform.boundary.ServerInstance;
import com.twork.points.platform.control.SchemaMigrator;
import com.twork.points.security.control.PasswordHashing;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * Several instances, proven (issue 16): three Payara Micro instances on one MariaDB of this test's own, members of
 * one Payara data grid on loopback, behind Debian's HAProxy configured from the committed
 * {@code server-config/haproxy.cfg}; one cluster for the whole class. Caches are made long (60 s) so that only the
 * grid's invalidations can explain a change seen within a second. The instance kill and the rolling upgrade come
 * last: they change which processes run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final int INSTANCES = 3;
    private static final String PASSWORD = "cluster-admin-password";
    private static final Pattern SETTING_FIELD = Pattern.compile("name=\"(setting_[a-z_]+)\" value=\"([^\"]*)\"");
    private static final AtomicInteger NEXT_MEMBER = new AtomicInteger(7_000_000);
    private static Path work;
    private static OwnDatabase db;
    private static Cluster cluster;
    private static Fixtures.Key key;

    @BeforeAll
    static void start() throws Exception {
        work = Path.of(System.getProperty("twork.it.work-dir", "target/it"))
                .resolveSibling("it-cluster")
                .toAbsolutePath();
        Folders.deleteTree(work);
        db = OwnDatabase.in(work.resolve("mariadb"));
        // Schema and test settings before any instance starts: with 60 s caches they would not see them later.
        MariaDbDataSource dataSource = new MariaDbDataSource(db.jdbcUrl());
        dataSource.setUser(com.twork.points.launcher.server.EmbeddedDatabase.USER);
        dataSource.setPassword(com.twork.points.launcher.server.EmbeddedDatabase.PASSWORD);
        SchemaMigrator.migrate(dataSource);
        db.update("UPDATE setting SET value = '127.0.0.1', updated_by = 'test' WHERE name = 'trusted_proxies'");
        db.update("UPDATE setting SET value = '1440', updated_by = 'test' WHERE name = 'expiry_interval_minutes'");
        db.update("UPDATE job_schedule SET next_run_at = UTC_TIMESTAMP(6) + INTERVAL 1 DAY");
        key = db.newKey();
        db.update(
                "INSERT INTO account (login, password_hash, role, member_user_id, enabled, created_at, updated_at)"
                        + " VALUES ('cluster-admin', ?, 'ADMIN', NULL, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
                PasswordHashing.hash(PASSWORD, 1_000));
        Map<String, String> properties = Map.of(
                "twork.db.url",
                db.jdbcUrl(),
                "twork.db.user",
                com.twork.points.launcher.server.EmbeddedDatabase.USER,
                "twork.db.password",
                com.twork.points.launcher.server.EmbeddedDatabase.PASSWORD,
                "twork.auth.key-cache-millis",
                "60000",
                "twork.settings.refresh-millis",
                "60000",
                "twork.jobs.tick-seconds",
                "1");
        long started = System.nanoTime();
        cluster = Cluster.start(new Cluster.Settings(
                Path.of(System.getProperty("twork.it.payara-jar")),
                Path.of(System.getProperty("twork.it.war")),
                work,
                properties,
                INSTANCES,
                "twork-it-" + UUID.randomUUID().toString().substring(0, 8),
                Ports.freePort()));
        System.out.printf(
                "Cluster of %d up behind HAProxy in %d s%n", INSTANCES, (System.nanoTime() - started) / 1_000_000_000L);
    }

    @AfterAll
    static void stop() {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    private static String balancer() {
        return cluster.balancer().baseUrl();
    }

    private static String instance(int index) {
        return cluster.instances().get(index % INSTANCES).baseUrl();
    }

    private static long newMember() {
        long member = NEXT_MEMBER.getAndIncrement();
        db.update(
                "INSERT INTO member (user_id, email, display_name, status, created_at, updated_at)"
                        + " VALUES (?, NULL, 'Cluster test', 'active', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
                member);
        return member;
    }

    private static Outcome post(String base, String path, String json, String idempotencyKey) {
        return MixedWrites.send(base, key, "POST", path, json, idempotencyKey);
    }

    private static Outcome get(String base, Fixtures.Key as, String path) {
        return MixedWrites.send(base, as, "GET", path, null, null);
    }

    @Test
    @Order(1)
    void everyInstanceListensOnLoopbackOnlyAndBeatsInTheDatabase() {
        for (Cluster.Instance instance : cluster.instances()) {
            List<String> http = Listeners.addressesListeningOn(instance.httpPort());
            assertTrue(Listeners.loopbackOnly(http), instance.name() + " HTTP listens on " + http);
            List<String> grid = Listeners.addressesListeningOn(instance.gridPort());
            assertTrue(Listeners.loopbackOnly(grid), instance.name() + " data grid listens on " + grid);
        }
        // Every instance beats after this instant. A beat is due every second, but on two shared cores three
        // freshly started JVMs can each stall for seconds; the claim takeover allows ten (DEAD_AFTER_SECONDS).
        String since =
                LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ServerInstance.DEAD_AFTER_SECONDS);
        long beaten;
        do {
            beaten = db.count("SELECT COUNT(*) FROM server_instance WHERE heartbeat_at > ?", since);
        } while (beaten < INSTANCES && System.nanoTime() < deadline && pause(Duration.ofMillis(200)));
        assertEquals(INSTANCES, beaten, "instances that beat within " + ServerInstance.DEAD_AFTER_SECONDS + " s");
        assertEquals(INSTANCES, db.count("SELECT COUNT(*) FROM server_instance"), "rows in server_instance");
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    @Order(1)
    void aClientAskingForCleartextHttp2StaysOnHttp11ThroughTheBalancer() {
        // Java's HttpClient sends exactly this on a new connection; a 101 would make it a tunnel to one instance.
        long member = newMember();
        for (int i = 0; i < INSTANCES; i++) {
            RawHttp.Answer answer = RawHttp.exchange(
                    cluster.balancer().port(),
                    "GET",
                    Api.PREFIX + "/balance/" + member,
                    List.of(
                            Map.entry("Authorization", Api.basic(key.consumerKey(), key.consumerSecret())),
                            Map.entry("Connection", "Upgrade, HTTP2-Settings"),
                            Map.entry("Upgrade", "h2c"),
                            Map.entry("HTTP2-Settings", "AAEAAEAAAAIAAAABAAQBAAAAAAUAAEAA")),
                    new byte[0],
                    null);
            assertEquals(200, answer.status(), answer.text());
            assertTrue(answer.header("upgrade").isEmpty(), "no protocol switch offered: " + answer.headers());
        }
    }

    @Test
    @Order(2)
    void fiftyConcurrentRedeemsOverEveryInstanceLetExactlyTenThrough() throws Exception {
        long member = newMember();
        assertTrue(post(instance(0), "/earn", "{\"user_id\": " + member + ", \"points\": 100}", null)
                .ok());
        ExecutorService pool = Executors.newFixedThreadPool(25);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String base = instance(i);
            answers.add(pool.submit(() -> {
                go.await();
                return post(base, "/redeem", "{\"user_id\": " + member + ", \"points\": 10}", null);
            }));
        }
        go.countDown();
        int succeeded = MixedWrites.throughElseInsufficient(answers, Duration.ofSeconds(120));
        pool.shutdown();
        assertEquals(10, succeeded);
        assertEquals(0, Ledger.assertInvariant(db::count, member));
    }

    @Test
    @Order(3)
    void theSameIdempotencyKeyOnTwoInstancesAtOnceWritesOnce() throws Exception {
        long member = newMember();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int round = 0; round < 10; round++) {
            String idempotencyKey = "cluster-key-" + round + "-" + UUID.randomUUID();
            String body = "{\"user_id\": " + member + ", \"points\": 7, \"description\": \"" + idempotencyKey + "\"}";
            CountDownLatch go = new CountDownLatch(1);
            Future<Outcome> first = pool.submit(() -> {
                go.await();
                return post(instance(0), "/earn", body, idempotencyKey);
            });
            Future<Outcome> second = pool.submit(() -> {
                go.await();
                return post(instance(1), "/earn", body, idempotencyKey);
            });
            go.countDown();
            List<Outcome> both = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
            long transactionId = -1;
            for (Outcome outcome : both) {
                if (outcome.ok()) {
                    long id = outcome.object().getJsonNumber("transaction_id").longValueExact();
                    assertTrue(transactionId < 0 || transactionId == id, "both answers name one row: " + both);
                    transactionId = id;
                } else {
                    assertEquals(409, outcome.status(), outcome.body());
                    assertEquals("idempotency_key_in_progress", outcome.object().getString("code"));
                }
            }
            assertTrue(transactionId > 0, "one of the two wrote: " + both);
            assertEquals(
                    1,
                    db.count(
                            "SELECT COUNT(*) FROM point_transaction WHERE user_id = ? AND description = ?",
                            member,
                            idempotencyKey));
        }
        pool.shutdown();
        assertEquals(70, Ledger.assertInvariant(db::count, member));
    }

    @Test
    @Order(4)
    void aSyncBatchReplayedThroughEveryInstanceIsCreditedOnce() throws Exception {
        long member = newMember();
        Sent batch = MixedWrites.syncBatch("cluster-sync", 990, member, 1, new Random(16));
        for (int i = 0; i < INSTANCES; i++) {
            Outcome outcome = MixedWrites.send(instance(i), key, batch);
            assertEquals(200, outcome.status(), outcome.body());
            MixedWrites.assertExactlyOnce(db::count, outcome);
        }
        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
        List<Future<Outcome>> replays = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            String base = instance(i);
            replays.add(pool.submit(() -> MixedWrites.send(base, key, batch)));
        }
        for (Future<Outcome> replay : replays) {
            MixedWrites.assertExactlyOnce(db::count, replay.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(10, db.count("SELECT COUNT(*) FROM point_transaction WHERE user_id = ?", member));
        Ledger.assertInvariant(db::count, member);
    }

    @Test
    @Order(5)
    void aKeyRevokedOnOneInstanceIsRefusedByTheOthersWithinASecond() {
        Fixtures.Key revoked = db.newKey();
        long member = newMember();
        for (int i = 0; i < INSTANCES; i++) {
            // Every instance has now read the key and would trust it for 60 s without the grid.
            assertEquals(200, get(instance(i), revoked, "/balance/" + member).status());
        }
        ConsoleVisitor admin = loggedIn(instance(0));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("revoke", "revoke");
        form.put("_csrf", admin.csrf("/admin/keys.xhtml"));
        form.put("key", Long.toString(revoked.id()));
        form.put("revoke:submit", "Revoke");
        form.put("jakarta.faces.ViewState", "stateless");
        HttpResponse<String> done = admin.post("/admin/keys.xhtml", form);
        assertEquals(302, done.statusCode(), done.body());
        long revokedAt = System.nanoTime();
        for (int i = 1; i < INSTANCES; i++) {
            long seenAfter = awaitStatus(instance(i), revoked, "/balance/" + member, 401);
            System.out.printf("Revocation on s1 refused by s%d after %d ms%n", i + 1, seenAfter);
        }
        long elapsed = (System.nanoTime() - revokedAt) / 1_000_000;
        assertTrue(elapsed < 1_000, "every other instance refused the revoked key within 1 s: " + elapsed + " ms");
        assertEquals(401, get(instance(0), revoked, "/balance/" + member).status());
    }

    @Test
    @Order(6)
    void aSettingChangedOnOneInstanceAppliesOnAnotherWithinASecond() {
        long referrer = newMember();
        Outcome before = post(
                instance(1),
                "/referral",
                "{\"user_id\": " + referrer + ", \"referred_user_id\": " + newMember() + "}",
                null);
        assertEquals(500, before.object().getInt("points_awarded"), before.body());

        ConsoleVisitor admin = loggedIn(instance(0));
        String page = admin.get("/admin/settings.xhtml").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("settings", "settings");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(csrf.find());
        form.put("_csrf", csrf.group(1));
        Matcher field = SETTING_FIELD.matcher(page);
        while (field.find()) {
            form.put(field.group(1), field.group(2).replace("&amp;", "&"));
        }
        assertTrue(
                form.containsKey("setting_referral_bonus"), "the settings page shows referral_bonus: " + form.keySet());
        form.put("setting_referral_bonus", "321");
        form.put("settings:submit", "Save settings");
        form.put("jakarta.faces.ViewState", "stateless");
        HttpResponse<String> saved = admin.post("/admin/settings.xhtml", form);
        assertEquals(302, saved.statusCode(), saved.body());
        long changedAt = System.nanoTime();
        int awarded = 0;
        while (System.nanoTime() - changedAt < Duration.ofSeconds(5).toNanos()) {
            Outcome after = post(
                    instance(1),
                    "/referral",
                    "{\"user_id\": " + referrer + ", \"referred_user_id\": " + newMember() + "}",
                    null);
            awarded = after.object().getInt("points_awarded");
            if (awarded == 321) {
                break;
            }
        }
        long elapsed = (System.nanoTime() - changedAt) / 1_000_000;
        assertEquals(321, awarded, "the new referral bonus on s2");
        assertTrue(elapsed < 1_000, "s2 applied the setting changed on s1 within 1 s: " + elapsed + " ms");
    }

    @Test
    @Order(7)
    void theExpiryJobRunsOnOneInstancePerTickWhileAllRun() throws Exception {
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long member = newMember();
            members.add(member);
            db.update(
                    "INSERT INTO point_transaction (user_id, type, points, description, created_at, expires_at,"
                            + " remaining, status, source, actor) VALUES (?, 'earn', 40, 'Cluster lot',"
                            + " UTC_TIMESTAMP(6) - INTERVAL 2 DAY, UTC_TIMESTAMP(6) - INTERVAL 1 DAY, 40, 'available',"
                            + " 'admin', 'test')",
                    member);
            db.update(
                    "INSERT INTO point_account (user_id, balance, lifetime_earned, updated_at, next_expiry)"
                            + " VALUES (?, 40, 40, UTC_TIMESTAMP(6), NULL)",
                    member);
        }
        // Due again and again: three instances tick every second and race for each run.
        for (int run = 0; run < 4; run++) {
            String before = text("SELECT COALESCE(MAX(last_finished_at), '') FROM job_schedule WHERE name = 'expiry'");
            db.update(
                    "UPDATE job_schedule SET next_run_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE name = 'expiry'");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (text("SELECT COALESCE(MAX(last_finished_at), '') FROM job_schedule WHERE name = 'expiry'")
                            .equals(before)
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
        db.update("UPDATE job_schedule SET next_run_at = UTC_TIMESTAMP(6) + INTERVAL 1 DAY WHERE name = 'expiry'");
        for (long member : members) {
            assertEquals(
                    1,
                    db.count("SELECT COUNT(*) FROM point_transaction WHERE user_id = ? AND type = 'expire'", member),
                    "member " + member + " expired once");
            assertEquals(0, Ledger.assertInvariant(db::count, member));
        }
    }

    @Test
    @Order(8)
    void anInstanceKilledUnderMixedLoadLosesNothingAndRejoins() throws Exception {
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            members.add(newMember());
        }
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        for (int t = 0; t < 6; t++) {
            pool.submit(() -> {
                Random random = new Random();
                while (!stop.get()) {
                    Sent sent = MixedWrites.next(
                            "cluster-kill",
                            991,
                            members.get(random.nextInt(members.size())),
                            sequence.incrementAndGet(),
                            random);
                    outcomes.add(MixedWrites.send(balancer(), key, sent));
                }
            });
        }
        Thread.sleep(4_000);
        long killedPid = cluster.instance("s2").pid();
        cluster.kill("s2");
        long killedAt = System.nanoTime();
        cluster.balancer().awaitStatus("s2", "DOWN", Duration.ofSeconds(10));
        System.out.printf(
                "s2 (pid %d) killed; HAProxy marked it DOWN after %d ms%n",
                killedPid, (System.nanoTime() - killedAt) / 1_000_000);
        int beforeDown = outcomes.size();
        Thread.sleep(4_000);
        stop.set(true);
        pool.shutdown();
        assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS));
        List<Outcome> all = new ArrayList<>(outcomes);
        long unanswered =
                all.stream().filter(o -> o.status() < 0 || o.status() >= 500).count();
        System.out.printf(
                "Kill under load: %d requests, %d answered 2xx, %d without an answer or 5xx%n",
                all.size(), all.stream().filter(Outcome::ok).count(), unanswered);
        for (int i = beforeDown; i < all.size(); i++) {
            // Once the balancer has taken s2 out, nothing fails.
            Outcome outcome = all.get(i);
            assertTrue(outcome.status() > 0 && outcome.status() < 500, "after DOWN: " + outcome);
        }
        for (Outcome outcome : all) {
            if (outcome.ok()) {
                MixedWrites.assertRecorded(db::count, outcome);
            }
        }
        for (long member : members) {
            Ledger.assertInvariant(db::count, member);
        }
        // Resend everything unchanged, at once (no clock moved): a key claimed by the dead s2 is taken over as soon
        // as its heartbeat is 10 s old.
        List<Outcome> retried = new ArrayList<>();
        for (Outcome outcome : all) {
            retried.add(MixedWrites.send(balancer(), key, outcome.sent()));
        }
        long retryStarted = System.nanoTime();
        while (retried.stream().anyMatch(o -> o.status() == 409)
                && System.nanoTime() - retryStarted < Duration.ofSeconds(30).toNanos()) {
            Thread.sleep(1_000);
            for (int i = 0; i < retried.size(); i++) {
                if (retried.get(i).status() == 409) {
                    retried.set(
                            i, MixedWrites.send(balancer(), key, retried.get(i).sent()));
                }
            }
        }
        System.out.printf(
                "Every retry answered %d s after the kill%n", (System.nanoTime() - killedAt) / 1_000_000_000L);
        for (Outcome outcome : retried) {
            MixedWrites.assertExactlyOnce(db::count, outcome);
        }
        long rows = db.count("SELECT COUNT(*) FROM point_transaction WHERE description LIKE 'cluster-kill-%'");
        for (Outcome outcome : all) {
            MixedWrites.send(balancer(), key, outcome.sent());
        }
        assertEquals(
                rows,
                db.count("SELECT COUNT(*) FROM point_transaction WHERE description LIKE 'cluster-kill-%'"),
                "a second resend of everything writes nothing");
        for (long member : members) {
            Ledger.assertInvariant(db::count, member);
        }

        long logBefore = Files.size(work.resolve("s2/payara.log"));
        cluster.restart("s2", Path.of(System.getProperty("twork.it.war")));
        assertEquals(
                200,
                get(cluster.instance("s2").baseUrl(), key, "/balance/" + members.get(0))
                        .status());
        assertEquals(
                INSTANCES,
                db.count(
                        "SELECT COUNT(*) FROM server_instance WHERE heartbeat_at > UTC_TIMESTAMP(6) - INTERVAL 5 SECOND"),
                "s2 beats again (and the dead s2 aged out of the live ones)");
        assertTrue(
                Files.readString(work.resolve("s2/payara.log"))
                        .substring((int) logBefore)
                        .contains("DG Size: " + INSTANCES),
                "s2 rejoined the data grid");
    }

    @Test
    @Order(9)
    void aRollingUpgradeUnderSteadyLoadFailsNoRequest() throws Exception {
        // The "new version": the WAR under another name, deployed instance by instance.
        Path upgraded = work.resolve("ROOT-upgraded.war");
        Files.copy(Path.of(System.getProperty("twork.it.war")), upgraded);
        long member = newMember();
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        List<String> failureTimes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            boolean writer = t % 2 == 0;
            pool.submit(() -> {
                while (!stop.get()) {
                    int n = sequence.incrementAndGet();
                    Outcome outcome = writer
                            ? post(
                                    balancer(),
                                    "/earn",
                                    "{\"user_id\": " + member + ", \"points\": 1, \"description\": \"rolling-" + n
                                            + "\"}",
                                    "rolling-" + n)
                            : get(balancer(), key, "/balance/" + member);
                    outcomes.add(outcome);
                    if (!outcome.ok() && failureTimes.size() < 2_000) {
                        failureTimes.add(Instant.now() + (writer ? " POST " : " GET ") + outcome.status());
                    }
                }
            });
        }
        for (Cluster.Instance instance : cluster.instances()) {
            long started = System.nanoTime();
            cluster.replace(instance.name(), upgraded);
            System.out.printf(
                    "Rolling upgrade: %s replaced in %d s, %d requests so far, %d failed%n",
                    instance.name(),
                    (System.nanoTime() - started) / 1_000_000_000L,
                    outcomes.size(),
                    new ArrayList<>(outcomes).stream().filter(o -> !o.ok()).count());
            System.out.println("Rolling upgrade: balancer " + cluster.balancer().states());
        }
        List<String> times = new ArrayList<>(failureTimes);
        if (!times.isEmpty()) {
            System.out.printf(
                    "Rolling upgrade: failures from %s to %s; first %s%n",
                    times.get(0), times.get(times.size() - 1), times.subList(0, Math.min(5, times.size())));
        }
        Thread.sleep(2_000);
        stop.set(true);
        pool.shutdown();
        assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS));
        List<Outcome> failed =
                new ArrayList<>(outcomes).stream().filter(o -> !o.ok()).toList();
        System.out.printf("Rolling upgrade: %d requests, %d failed%n", outcomes.size(), failed.size());
        assertTrue(outcomes.size() > 100, "load ran during the upgrade: " + outcomes.size());
        assertEquals(
                List.of(),
                failed.stream().map(o -> o.status() + " " + o.body()).limit(5).toList());
        long earned = new ArrayList<>(outcomes)
                .stream().filter(o -> o.body().contains("transaction_id")).count();
        assertEquals(earned, Ledger.assertInvariant(db::count, member));
        for (Cluster.Instance instance : cluster.instances()) {
            assertTrue(
                    Files.readString(work.resolve(instance.name()).resolve("payara.log"))
                            .contains("ROOT-upgraded"),
                    instance.name() + " runs the upgraded WAR");
        }
    }

    private static ConsoleVisitor loggedIn(String base) {
        ConsoleVisitor admin = new ConsoleVisitor(base);
        HttpResponse<String> login = admin.login("cluster-admin", PASSWORD);
        assertEquals(302, login.statusCode(), login.body());
        return admin;
    }

    /** Polls until {@code path} answers {@code status}; returns the milliseconds it took. */
    private static long awaitStatus(String base, Fixtures.Key as, String path, int status) {
        long started = System.nanoTime();
        int seen = -1;
        while (System.nanoTime() - started < Duration.ofSeconds(5).toNanos()) {
            seen = get(base, as, path).status();
            if (seen == status) {
                return (System.nanoTime() - started) / 1_000_000;
            }
        }
        throw new AssertionError(base + path + " still answers " + seen + " after 5 s");
    }

    private static String text(String sql) {
        try (var connection = db.connect();
                var statement = connection.prepareStatement(sql);
                var rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
