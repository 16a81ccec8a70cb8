package com.twork.points.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.MixedWrites;
import com.twork.points.it.MixedWrites.Outcome;
import com.twork.points.it.MixedWrites.Sent;
import com.twork.points.it.OwnServer;
import jakarta.json.JsonObject;
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
                    MixedWrites.assertRecorded(own::count, outcome);
                }
            }
            for (long member = firstMember; member < firstMember + MEMBERS; member++) {
                Ledger.assertInvariant(own::count, member);
            }
            List<Outcome> retried = new ArrayList<>();
            for (Outcome outcome : outcomes) {
                retried.add(send(outcome.sent()));
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
                        retried.set(i, send(retried.get(i).sent()));
                    }
                }
            }
            for (Outcome outcome : retried) {
                MixedWrites.assertExactlyOnce(own::count, outcome);
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
                    Sent sent = MixedWrites.next(
                            "crash", cycle, firstMember + random.nextInt(MEMBERS), sequence.incrementAndGet(), random);
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

    private static Outcome send(Sent sent) {
        return MixedWrites.send(own.baseUrl(), key, sent);
    }

    private static Outcome send(String method, String path, String json, String idempotencyKey) {
        return MixedWrites.send(own.baseUrl(), key, method, path, json, idempotencyKey);
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
