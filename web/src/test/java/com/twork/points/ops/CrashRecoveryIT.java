package com.twork.points.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.OwnServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crash safety (SPEC §5.3: all or nothing) against a server of this test's own: under mixed write load (earn with
 * order ids, redeem and earn with {@code Idempotency-Key}, 10-item sync batches) the server is killed with SIGKILL
 * at a random moment, restarted, and then every request that got a 2xx must be in the ledger, every member's
 * invariant must hold (allocations match debits), and retrying every request with the same idempotency key, order
 * id or item ids must leave exactly one row per operation. Cycles: {@code -Dtwork.crash.cycles} (3 by default,
 * docs/resilience.md runs 10). Also: the database stopped and started again on the same port.
 */
class CrashRecoveryIT {
    private static final int CYCLES = Integer.getInteger("twork.crash.cycles", 3);
    private static final int THREADS = 6;
    private static final int MEMBERS = 12;
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static OwnServer own;
    private static Fixtures.Key key;

    @BeforeAll
    static void start() {
        own = OwnServer.start("crash");
        key = own.newKey();
    }

    @AfterAll
    static void stop() {
        if (own != null) {
            own.close();
        }
    }

    /** One request as sent and what (if anything) came back; status -1: no answer (the server died). */
    record Sent(
            String kind,
            long userId,
            String tag,
            String path,
            String json,
            String idempotencyKey,
            List<String> itemIds) {}

    record Outcome(Sent sent, int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonObject object() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }
    }

    @Test
    void everyAnsweredWriteSurvivesAKillAndRetriesDoubleNothing() throws Exception {
        Random random = new Random();
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            long firstMember = 5_000_000L + cycle * 1_000L;
            for (long member = firstMember; member < firstMember + MEMBERS; member++) {
                own.update(
                        "INSERT INTO member (user_id, email, display_name, status, created_at, updated_at)"
                                + " VALUES (?, NULL, 'Crash test', 'active', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
                        member);
            }
            List<Outcome> outcomes = load(cycle, firstMember, 1_500 + random.nextInt(3_500));
            long answered = outcomes.stream().filter(Outcome::ok).count();
            System.out.printf(
                    "Crash cycle %d: %d requests answered 2xx, %d without an answer, then SIGKILL%n",
                    cycle,
                    answered,
                    outcomes.stream().filter(o -> o.status() < 0).count());
            assertTrue(answered >= 40, "the load ran before the kill: " + answered);
            own.startServer();

            for (Outcome outcome : outcomes) {
                if (outcome.ok()) {
                    assertRecorded(outcome);
                }
            }
            for (long member = firstMember; member < firstMember + MEMBERS; member++) {
                Ledger.assertInvariant(own::count, member);
            }
            List<Outcome> retried = new ArrayList<>();
            for (Outcome outcome : outcomes) {
                retried.add(retry(outcome));
            }
            long inProgress = retried.stream().filter(o -> o.status() == 409).count();
            System.out.printf(
                    "Crash cycle %d: %d retries, %d of them found their key still claimed by the killed server%n",
                    cycle, retried.size(), inProgress);
            // A claim left "in progress" by the killed server is taken over as soon as its heartbeat is
            // ServerInstance.DEAD_AFTER_SECONDS old (no clock moved): the retries get their answer within seconds.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (retried.stream().anyMatch(o -> o.status() == 409) && System.nanoTime() < deadline) {
                Thread.sleep(1_000);
                for (int i = 0; i < retried.size(); i++) {
                    if (retried.get(i).status() == 409) {
                        retried.set(i, retry(retried.get(i)));
                    }
                }
            }
            for (Outcome outcome : retried) {
                assertExactlyOnce(outcome);
            }
            for (long member = firstMember; member < firstMember + MEMBERS; member++) {
                Ledger.assertInvariant(own::count, member);
            }
            if (cycle < CYCLES) {
                // The next cycle kills the server again: it is up (started above).
                assertEquals(
                        200, send("GET", "/balance/" + firstMember, null, null).status());
            }
        }
    }

    /** Drives the load from several threads, kills the server after {@code killAfterMillis}, returns everything. */
    private static List<Outcome> load(int cycle, long firstMember, long killAfterMillis) throws InterruptedException {
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            pool.submit(() -> {
                Random random = new Random();
                while (true) {
                    Sent sent = next(cycle, firstMember + random.nextInt(MEMBERS), sequence.incrementAndGet(), random);
                    Outcome outcome = send(sent);
                    outcomes.add(outcome);
                    if (outcome.status() < 0 || killed.get()) {
                        return;
                    }
                }
            });
        }
        Thread.sleep(killAfterMillis);
        // A cold or very busy server may not have answered much yet: the kill waits for some traffic too.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (answered(outcomes) < 40 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        killed.set(true);
        own.killServer();
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "load threads ended");
        return new ArrayList<>(outcomes);
    }

    private static long answered(List<Outcome> outcomes) {
        synchronized (outcomes) {
            return outcomes.stream().filter(Outcome::ok).count();
        }
    }

    private static Sent next(int cycle, long member, int n, Random random) {
        String tag = "crash-" + cycle + "-" + n;
        int kind = random.nextInt(10);
        if (kind < 3) {
            return new Sent(
                    "earn",
                    member,
                    tag,
                    "/earn",
                    "{\"user_id\": " + member + ", \"points\": " + (10 + random.nextInt(90)) + ", \"order_id\": \"WC-"
                            + tag + "\", \"description\": \"" + tag + "\"}",
                    random.nextBoolean() ? tag : null,
                    List.of());
        }
        if (kind < 5) {
            return new Sent(
                    "earn",
                    member,
                    tag,
                    "/earn",
                    "{\"user_id\": " + member + ", \"points\": " + (10 + random.nextInt(90)) + ", \"description\": \""
                            + tag + "\"}",
                    tag,
                    List.of());
        }
        if (kind < 8) {
            return new Sent(
                    "redeem",
                    member,
                    tag,
                    "/redeem",
                    "{\"user_id\": " + member + ", \"points\": " + (1 + random.nextInt(60)) + ", \"description\": \""
                            + tag + "\"}",
                    tag,
                    List.of());
        }
        List<String> ids = new ArrayList<>();
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            String id = Long.toString(1_700_000_000_000L + cycle * 10_000_000L + n * 10L + i);
            ids.add(id);
            items.append(i == 0 ? "" : ", ")
                    .append("{\"id\": \"")
                    .append(id)
                    .append("\", \"type\": \"earn\", \"points\": ")
                    .append(1 + random.nextInt(20))
                    .append(", \"description\": \"")
                    .append(tag)
                    .append('-')
                    .append(i)
                    .append("\"}");
        }
        return new Sent(
                "sync",
                member,
                tag,
                "/sync",
                "{\"user_id\": " + member + ", \"transactions\": [" + items + "]}",
                null,
                ids);
    }

    private static Outcome send(Sent sent) {
        Outcome outcome = send("POST", sent.path(), sent.json(), sent.idempotencyKey());
        return new Outcome(sent, outcome.status(), outcome.body());
    }

    private static Outcome send(String method, String path, String json, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(own.baseUrl() + Api.PREFIX + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", Api.basic(key.consumerKey(), key.consumerSecret()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Outcome(null, response.statusCode(), response.body());
        } catch (IOException e) {
            return new Outcome(null, -1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, -1, e.toString());
        }
    }

    private static Outcome retry(Outcome outcome) {
        return send(outcome.sent());
    }

    /** A 2xx answer is in the ledger: the row it named, or every item the batch applied or matched. */
    private static void assertRecorded(Outcome outcome) {
        Sent sent = outcome.sent();
        if ("sync".equals(sent.kind())) {
            for (JsonValue value : outcome.object().getJsonArray("results")) {
                JsonObject item = value.asJsonObject();
                String status = item.getString("status");
                if ("applied".equals(status) || "duplicate".equals(status)) {
                    assertEquals(
                            1,
                            own.count(
                                    "SELECT COUNT(*) FROM point_transaction WHERE user_id = ? AND client_ref = ?",
                                    sent.userId(),
                                    item.getString("id")),
                            "synced item " + item + " is in the ledger");
                }
            }
            return;
        }
        long id = outcome.object().getJsonNumber("transaction_id").longValueExact();
        assertEquals(
                1,
                own.count(
                        "SELECT COUNT(*) FROM point_transaction WHERE id = ? AND user_id = ? AND description = ?",
                        id,
                        sent.userId(),
                        sent.tag()),
                "answered " + sent.kind() + " " + sent.tag() + " is transaction " + id);
    }

    /** After the retry: one row per operation that ended in a 2xx, none for one refused (insufficient points). */
    private static void assertExactlyOnce(Outcome retried) {
        Sent sent = retried.sent();
        assertTrue(
                retried.ok() || (retried.status() == 400 && "redeem".equals(sent.kind())),
                "retry of " + sent.tag() + " answered " + retried.status() + " " + retried.body());
        if ("sync".equals(sent.kind())) {
            for (String id : sent.itemIds()) {
                assertEquals(
                        1,
                        own.count(
                                "SELECT COUNT(*) FROM point_transaction WHERE user_id = ? AND client_ref = ?",
                                sent.userId(),
                                id),
                        "sync item " + id + " of " + sent.tag() + " exactly once");
            }
            return;
        }
        long rows = own.count(
                "SELECT COUNT(*) FROM point_transaction WHERE user_id = ? AND description = ?",
                sent.userId(),
                sent.tag());
        assertEquals(
                retried.ok() ? 1 : 0, rows, sent.kind() + " " + sent.tag() + " after its retry: " + retried.body());
        if (retried.ok()) {
            assertRecorded(retried);
        }
    }

    @Test
    void withTheDatabaseStoppedTheServerAnswers503() throws Exception {
        long member = 9_000_000L;
        own.update(
                "INSERT INTO member (user_id, email, display_name, status, created_at, updated_at)"
                        + " VALUES (?, NULL, 'Outage test', 'active', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
                member);
        assertEquals(200, send("GET", "/balance/" + member, null, null).status());
        own.stopDatabase();
        try {
            for (String[] request : List.of(
                    new String[] {"GET", "/balance/" + member, null},
                    new String[] {"GET", "/transactions/" + member, null},
                    new String[] {"POST", "/earn", "{\"user_id\": " + member + ", \"points\": 5}"})) {
                Outcome outcome = send(request[0], request[1], request[2], null);
                assertEquals(503, outcome.status(), request[1] + ": " + outcome.body());
                JsonObject error = outcome.object();
                assertEquals("service_unavailable", error.getString("code"), outcome.body());
                assertEquals(503, error.getJsonObject("data").getInt("status"));
                assertTrue(!outcome.body().contains("Exception"), outcome.body());
            }
        } finally {
            own.startDatabase();
        }
        // The server recovers by itself (the pool drops the dead connections and opens new ones): no restart.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Outcome balance = send("GET", "/balance/" + member, null, null);
        while (balance.status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            balance = send("GET", "/balance/" + member, null, null);
        }
        assertEquals(200, balance.status(), "after the database came back: " + balance.body());
        Outcome earned = send("POST", "/earn", "{\"user_id\": " + member + ", \"points\": 5}", null);
        assertEquals(200, earned.status(), earned.body());
        assertEquals(
                5,
                send("GET", "/balance/" + member, null, null)
                        .object()
                        .getJsonNumber("current_balance")
                        .intValue());
    }
}
