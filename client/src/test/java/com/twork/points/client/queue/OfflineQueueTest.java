package com.twork.points.client.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.client.PointType;
import com.twork.points.client.PointsClient;
import com.twork.points.client.PointsUnreachableException;
import com.twork.points.client.SyncStatus;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue's own rules, against local servers that refuse or answer from a script. The same rules against the real
 * server and database: OfflineQueueIT in the web module.
 */
class OfflineQueueTest {
    @TempDir
    Path folder;

    private final QueueKey key = QueueKey.generate();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final RecordingListener events = new RecordingListener();
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(1), 3);

    private Path queueFile() {
        return folder.resolve("points-queue.bin");
    }

    private OfflineQueue open(URI server) {
        return OfflineQueue.builder(client(server), queueFile(), key)
                .clock(clock)
                .random(new Random(11))
                .retryPolicy(policy)
                .listener(events)
                .open();
    }

    private static PointsClient client(URI server) {
        return PointsClient.builder(server)
                .apiKey("ck_test", "cs_test")
                .requestTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Test
    void theSameTransactionAddedTwiceIsQueuedOnceAndSurvivesARestart() {
        URI nowhere = URI.create("http://127.0.0.1:9");
        QueuedTransaction earn = QueuedTransaction.earn("1737000000001", 5, 120).withDescription("Shop visit");
        try (OfflineQueue queue = open(nowhere)) {
            assertEquals(EnqueueResult.QUEUED, queue.enqueue(earn));
            assertEquals(EnqueueResult.ALREADY_QUEUED, queue.enqueue(earn));
            assertEquals(
                    EnqueueResult.ALREADY_QUEUED,
                    queue.enqueue(QueuedTransaction.earn("1737000000001", 5, 999)),
                    "the id decides, not the content");
            assertEquals(EnqueueResult.QUEUED, queue.enqueue(QueuedTransaction.redeem("1737000000002", 5, 20)));
            assertEquals(2, queue.pending().size());
            assertEquals(2, queue.counters().alreadyQueued());
        }
        try (OfflineQueue reopened = open(nowhere)) {
            List<QueuedTransaction> pending = reopened.pending();
            assertEquals(
                    List.of("point-1737000000001", "point-1737000000002"),
                    pending.stream().map(QueuedTransaction::id).toList());
            assertEquals(earn, pending.get(0));
            assertEquals(EnqueueResult.ALREADY_QUEUED, reopened.enqueue(earn));
        }
    }

    @Test
    void whatCannotReachTheServerIsRefusedWhenQueued() {
        assertThrows(IllegalArgumentException.class, () -> QueuedTransaction.earn("", 5, 10));
        assertThrows(IllegalArgumentException.class, () -> QueuedTransaction.earn(" 12", 5, 10));
        assertThrows(IllegalArgumentException.class, () -> QueuedTransaction.earn("x".repeat(186), 5, 10));
        assertThrows(IllegalArgumentException.class, () -> QueuedTransaction.earn("1", 0, 10));
        assertThrows(IllegalArgumentException.class, () -> QueuedTransaction.earn("1", 5, 0));
        assertThrows(IllegalArgumentException.class, () -> QueuedTransaction.credit(PointType.EXPIRE, "1", 5, 10));
        assertThrows(IllegalArgumentException.class, () -> QueuedTransaction.credit(PointType.REDEEM, "1", 5, 10));
        assertEquals(
                "point-" + "x".repeat(185),
                QueuedTransaction.earn("x".repeat(185), 5, 1).id());
    }

    @Test
    void theQueueFileHoldsNoPlaintextAndATamperedFileIsNotOpened() throws IOException {
        try (OfflineQueue queue = open(URI.create("http://127.0.0.1:9"))) {
            queue.enqueue(QueuedTransaction.earn("local-31337", 424242, 987654)
                    .withOrderId("WC-ORDER-55501")
                    .withDescription("Birthday dinner"));
        }
        byte[] stored = Files.readAllBytes(queueFile());
        String text = new String(stored, StandardCharsets.ISO_8859_1);
        for (String plain : List.of("424242", "987654", "WC-ORDER-55501", "Birthday", "local-31337", "point-")) {
            assertFalse(text.contains(plain), plain + " in plaintext");
        }
        stored[stored.length / 2] ^= 0x40;
        Files.write(queueFile(), stored);
        assertThrows(QueueTamperedException.class, () -> open(URI.create("http://127.0.0.1:9")));
        assertTrue(Files.exists(queueFile()), "a tampered file is left for the caller to look at");
    }

    @Test
    void aCrashWhileAddingKeepsTheQueueAsItWas() {
        QueuedTransaction first = QueuedTransaction.earn("a-1", 5, 10);
        try (OfflineQueue queue = open(URI.create("http://127.0.0.1:9"))) {
            queue.enqueue(first);
        }
        OfflineQueue crashing = OfflineQueue.builder(client(URI.create("http://127.0.0.1:9")), queueFile(), key)
                .beforeRename(temp -> {
                    throw new IOException("disk pulled");
                })
                .open();
        try (crashing) {
            assertThrows(QueueStorageException.class, () -> crashing.enqueue(QueuedTransaction.earn("a-2", 5, 20)));
            assertEquals(List.of(first), crashing.pending(), "memory never runs ahead of the disk");
        }
        try (OfflineQueue reopened = open(URI.create("http://127.0.0.1:9"))) {
            assertEquals(List.of(first), reopened.pending());
        }
    }

    @Test
    void unreachableAttemptsBackOffWithJitterAndEndInTheDeadLetterListAtTheCeiling() throws IOException {
        try (ResettingServer down = new ResettingServer();
                OfflineQueue queue = open(down.uri())) {
            queue.enqueue(QueuedTransaction.earn("c-1", 5, 10));

            ReplayReport first = queue.replayNow();
            assertEquals(1, first.failedAttempts());
            assertEquals(1, first.pending());
            Instant next = first.nextAttemptAt().orElseThrow();
            assertTrue(
                    !next.isBefore(clock.instant())
                            && !next.isAfter(clock.instant().plusSeconds(2)),
                    next.toString());
            assertTrue(events.failures.get(0).error() instanceof PointsUnreachableException);
            assertTrue(events.failures.get(0).willRetry());
            assertTrue(
                    events.failures.get(0).userMessage().contains("attempt 1 of 3"),
                    events.failures.get(0).userMessage());

            assertTrue(next.isAfter(clock.instant()), "the seeded jitter gives a real wait");
            assertEquals(0, queue.replayDue().failedAttempts(), "nothing is sent during the backoff");
            clock.advance(Duration.ofSeconds(5));
            assertEquals(1, queue.replayDue().failedAttempts());
            assertEquals(1, queue.replayNow().failedAttempts(), "an explicit replay ignores the backoff");

            assertEquals(List.of(), queue.pending());
            DeadLetter letter = queue.deadLetters().get(0);
            assertEquals(DeadLetter.RETRY_CEILING_REACHED, letter.code());
            assertEquals(3, letter.attempts());
            assertTrue(letter.message().contains("Gave up after 3 attempts"), letter.message());
            assertEquals(1, events.deadLetters.size());
            assertEquals(2, events.backoffs.size(), "no backoff once nothing waits");
            assertEquals(
                    List.of(1, 2, 3),
                    events.failures.stream()
                            .map(QueueListener.AttemptFailed::attempt)
                            .toList());
            assertFalse(events.failures.get(2).willRetry());
            QueueCounters counters = queue.counters();
            assertEquals(3, counters.failures());
            assertEquals(1, counters.deadLettered());
            assertEquals(1, counters.deadLetters());
        }
    }

    @Test
    void aBatchWithoutAnAnswerIsResentUnchangedWithTheSameKeyEvenAfterARestart() {
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(ScriptedServer.error(503, "service_unavailable", "Busy"));
            try (OfflineQueue queue = open(server.uri())) {
                queue.enqueue(QueuedTransaction.earn("d-1", 5, 10));
                queue.enqueue(QueuedTransaction.redeem("d-2", 5, 4));
                assertEquals(1, queue.replayNow().failedAttempts());
                queue.enqueue(QueuedTransaction.earn("d-3", 5, 1));
            }
            server.then(ScriptedServer.applyAll()).then(ScriptedServer.applyAll());
            try (OfflineQueue queue = open(server.uri())) {
                ReplayReport report = queue.replayNow();
                assertEquals(3, report.applied());
                assertEquals(0, report.pending());
            }
            List<ScriptedServer.Request> requests = server.requests();
            assertEquals(3, requests.size());
            assertEquals(requests.get(0).idempotencyKey(), requests.get(1).idempotencyKey());
            assertEquals(requests.get(0).body(), requests.get(1).body(), "byte for byte the same batch");
            assertFalse(requests.get(1).body().contains("d-3"), "a later addition waits for the next batch");
            assertTrue(requests.get(2).body().contains("point-d-3"));
            assertFalse(requests.get(2).idempotencyKey().equals(requests.get(0).idempotencyKey()));
            assertTrue(requests.get(0).body().contains("\"id\":\"point-d-1\""));
        }
    }

    @Test
    void retryAfterIsHonouredEvenByAnExplicitReplay() {
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(
                    new ScriptedServer.Answer(
                            429,
                            Map.of("Retry-After", "120"),
                            request ->
                                    "{\"code\":\"rest_too_many_requests\",\"message\":\"Slow down\",\"data\":{\"status\":429}}"));
            server.then(ScriptedServer.applyAll());
            try (OfflineQueue queue = open(server.uri())) {
                queue.enqueue(QueuedTransaction.earn("e-1", 5, 10));
                ReplayReport refused = queue.replayNow();
                assertEquals(1, refused.failedAttempts());
                assertEquals(
                        clock.instant().plusSeconds(120),
                        refused.nextAttemptAt().orElseThrow());
                assertEquals(
                        Optional.of(Duration.ofSeconds(120)),
                        events.backoffs.get(0).retryAfter());
                assertTrue(events.backoffs.get(0).delay().compareTo(Duration.ofSeconds(120)) >= 0);

                clock.advance(Duration.ofSeconds(119));
                assertEquals(1, queue.replayNow().pending(), "still inside Retry-After");
                assertEquals(1, server.requests().size());
                clock.advance(Duration.ofSeconds(1));
                assertEquals(1, queue.replayNow().applied());
            }
        }
    }

    @Test
    void rejectionsGoStraightToTheDeadLetterListWithTheServersReason() {
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(ScriptedServer.Answer.of(
                    200,
                    "{\"success\":false,\"synced\":1,\"total\":2,\"errors\":[\"Item 1: Insufficient points\"],"
                            + "\"new_balance\":10,\"results\":["
                            + "{\"index\":0,\"id\":\"point-f-1\",\"status\":\"applied\",\"transaction_id\":7,\"code\":null,\"message\":null},"
                            + "{\"index\":1,\"id\":\"point-f-2\",\"status\":\"rejected\",\"transaction_id\":null,"
                            + "\"code\":\"insufficient_points\",\"message\":\"Insufficient points\"}]}"));
            server.then(ScriptedServer.error(404, "rest_invalid_user", "User not found"));
            try (OfflineQueue queue = open(server.uri())) {
                queue.enqueue(QueuedTransaction.earn("f-1", 5, 10));
                queue.enqueue(QueuedTransaction.redeem("f-2", 5, 500));
                queue.enqueue(QueuedTransaction.earn("f-3", 6, 10));

                ReplayReport report = queue.replayNow();

                assertEquals(1, report.applied());
                assertEquals(2, report.deadLettered());
                assertEquals(0, report.failedAttempts(), "a rejection is the server's answer, not a failed attempt");
                assertEquals(Optional.empty(), report.nextAttemptAt());
                List<DeadLetter> letters = queue.deadLetters();
                assertEquals("insufficient_points", letters.get(0).code());
                assertEquals("Insufficient points", letters.get(0).message());
                assertTrue(letters.get(0).httpStatus().isEmpty());
                assertEquals("rest_invalid_user", letters.get(1).code());
                assertEquals(404, letters.get(1).httpStatus().getAsInt());
                assertEquals(2, server.requests().size(), "nothing was retried");
                assertTrue(events.deadLetters.get(0).userMessage().startsWith("Not synced: 500 points redeemed"));
                assertEquals(SyncStatus.APPLIED, events.successes.get(0).status());
                assertEquals(7, events.successes.get(0).transactionId());
            }
            // Dead letters are part of the file too; the caller retries one and discards the other.
            server.then(ScriptedServer.applyAll());
            try (OfflineQueue queue = open(server.uri())) {
                assertEquals(2, queue.deadLetters().size());
                assertEquals(
                        EnqueueResult.ALREADY_DEAD_LETTERED, queue.enqueue(QueuedTransaction.redeem("f-2", 5, 500)));
                assertTrue(queue.retryDeadLetter("point-f-2"));
                assertTrue(queue.discardDeadLetter("point-f-3"));
                assertFalse(queue.discardDeadLetter("point-f-3"));
                assertEquals(1, queue.replayNow().applied());
                assertEquals(List.of(), queue.deadLetters());
                assertEquals(List.of(), queue.pending());
                assertEquals(1, queue.counters().retried());
                assertEquals(1, queue.counters().discarded());
            }
            assertFalse(
                    server.requests()
                            .get(2)
                            .idempotencyKey()
                            .equals(server.requests().get(0).idempotencyKey()),
                    "a retried dead letter is a new request");
        }
    }

    @Test
    void aServerLimitBelowTheBatchSizeHalvesTheBatches() {
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(ScriptedServer.error(400, "batch_too_large", "At most 2 items"))
                    .then(ScriptedServer.applyAll())
                    .then(ScriptedServer.applyAll());
            try (OfflineQueue queue = OfflineQueue.builder(client(server.uri()), queueFile(), key)
                    .clock(clock)
                    .batchSize(4)
                    .listener(events)
                    .open()) {
                for (int i = 0; i < 4; i++) {
                    queue.enqueue(QueuedTransaction.earn("g-" + i, 5, 1));
                }
                ReplayReport report = queue.replayNow();
                assertEquals(4, report.applied());
                assertEquals(List.of(), queue.deadLetters());
            }
            assertEquals(3, server.requests().size());
        }
    }

    @Test
    void anAnswerThatDoesNotMatchTheBatchIsRetriedNotTrusted() {
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(
                    ScriptedServer.Answer.of(
                            200,
                            "{\"success\":true,\"synced\":1,\"total\":1,\"errors\":[],\"new_balance\":1,\"results\":["
                                    + "{\"index\":0,\"id\":\"point-other\",\"status\":\"applied\",\"transaction_id\":1,\"code\":null,\"message\":null}]}"));
            server.then(ScriptedServer.Answer.of(200, "{\"success\":tr"));
            try (OfflineQueue queue = open(server.uri())) {
                queue.enqueue(QueuedTransaction.earn("h-1", 5, 1));
                assertEquals(1, queue.replayNow().failedAttempts());
                assertEquals(1, queue.replayNow().failedAttempts());
                assertEquals(1, queue.pending().size());
                assertEquals(0, queue.counters().applied());
            }
        }
    }

    @Test
    void theAutomaticReplaySendsWhatIsAddedAndConnectivityCutsABackoffShort() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(ScriptedServer.error(503, "service_unavailable", "Busy"));
            server.then(ScriptedServer.applyAll());
            server.then(ScriptedServer.applyAll());
            // The system clock here: the scheduler really waits, so the backoff is an hour (never reached).
            try (OfflineQueue queue = OfflineQueue.builder(client(server.uri()), queueFile(), key)
                    .retryPolicy(new RetryPolicy(Duration.ofHours(1), Duration.ofHours(1), 5))
                    .random(new Random(5) {
                        private static final long serialVersionUID = 1L;

                        @Override
                        public long nextLong(long bound) {
                            return bound - 1; // the top of the jitter range: a full hour
                        }
                    })
                    .listener(events)
                    .open()) {
                queue.start();
                queue.enqueue(QueuedTransaction.earn("i-1", 5, 10));
                awaitCount(() -> events.backoffs.size(), 1);
                assertEquals(1, queue.pending().size());

                ReplayReport report = queue.connectivityRestored().get(30, TimeUnit.SECONDS);
                assertEquals(1, report.applied());

                queue.enqueue(QueuedTransaction.earn("i-2", 5, 10));
                awaitCount(() -> events.successes.size(), 2);
                assertEquals(List.of(), queue.pending());
            }
            assertEquals(3, server.requests().size());
        }
    }

    /** Waits for an event count driven by the queue's own thread (bounded; no timing is asserted). */
    private static void awaitCount(java.util.function.IntSupplier count, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count.getAsInt() < expected) {
            assertTrue(System.nanoTime() < deadline, "expected " + expected + " events, got " + count.getAsInt());
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
