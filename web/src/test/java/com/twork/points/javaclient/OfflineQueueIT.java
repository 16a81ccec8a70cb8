package com.twork.points.javaclient;

import static com.twork.points.it.Fixtures.newMember;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.client.PointType;
import com.twork.points.client.PointsClient;
import com.twork.points.client.PointsUnreachableException;
import com.twork.points.client.SyncStatus;
import com.twork.points.client.queue.DeadLetter;
import com.twork.points.client.queue.EnqueueResult;
import com.twork.points.client.queue.MutableClock;
import com.twork.points.client.queue.OfflineQueue;
import com.twork.points.client.queue.QueueKey;
import com.twork.points.client.queue.QueueListener;
import com.twork.points.client.queue.QueueTamperedException;
import com.twork.points.client.queue.QueuedTransaction;
import com.twork.points.client.queue.RecordingListener;
import com.twork.points.client.queue.ReplayReport;
import com.twork.points.client.queue.RetryPolicy;
import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.SharedServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline queue of the Java client against the real server and database: transactions queued while the server
 * cannot be reached (a loopback proxy that refuses, then drops answers, then lets through), the client restarted in
 * between, and each transaction in the ledger exactly once.
 */
@ExtendWith(SharedServer.class)
class OfflineQueueIT {
    private static final AtomicLong LOCAL_IDS = new AtomicLong(System.currentTimeMillis());

    @TempDir
    Path folder;

    private final Fixtures.Key key = Fixtures.writeKey();
    private final LoopbackProxy proxy = new LoopbackProxy(URI.create(Api.base()).getPort());
    private final QueueKey queueKey = QueueKey.generate();
    private final RecordingListener events = new RecordingListener();

    @AfterEach
    void stopProxy() throws IOException {
        proxy.close();
    }

    private Path queueFile() {
        return folder.resolve("points-queue.bin");
    }

    /** A fresh client and queue, as an app start makes them. */
    private OfflineQueue startApp(Clock clock, RetryPolicy policy) {
        PointsClient client = PointsClient.builder(proxy.uri())
                .apiKey(key.consumerKey(), key.consumerSecret())
                .requestTimeout(Duration.ofSeconds(20))
                .build();
        return OfflineQueue.builder(client, queueFile(), queueKey)
                .batchSize(2)
                .clock(clock)
                .retryPolicy(policy)
                .random(new Random(17))
                .listener(events)
                .open();
    }

    private OfflineQueue startApp() {
        return startApp(Clock.systemUTC(), RetryPolicy.defaults());
    }

    private static String localId() {
        return Long.toString(LOCAL_IDS.incrementAndGet());
    }

    private static long copies(long userId, String queueId) {
        return Fixtures.count(
                "SELECT COUNT(*) FROM point_transaction WHERE user_id = ? AND client_ref = ?", userId, queueId);
    }

    @Test
    void transactionsQueuedWhileTheServerIsUnreachableReachTheLedgerOnceAcrossRestarts() {
        long ana = newMember();
        long ben = newMember();
        String order = "WC-" + localId();
        List<QueuedTransaction> made = List.of(
                QueuedTransaction.earn(localId(), ana, 100).withDescription("Shop visit"),
                QueuedTransaction.earn(localId(), ana, 50).withOrderId(order),
                QueuedTransaction.redeem(localId(), ana, 30).withDescription("Coffee"),
                QueuedTransaction.earn(localId(), ben, 70),
                QueuedTransaction.redeem(localId(), ben, 20));

        proxy.mode(LoopbackProxy.Mode.REFUSE);
        try (OfflineQueue queue = startApp()) {
            made.forEach(transaction -> assertEquals(EnqueueResult.QUEUED, queue.enqueue(transaction)));
            ReplayReport offline = queue.replayNow();
            assertEquals(1, offline.failedAttempts());
            assertEquals(5, offline.pending());
            assertTrue(offline.nextAttemptAt().isPresent());
        }
        assertTrue(events.failures.get(0).error() instanceof PointsUnreachableException);
        assertEquals(1, events.backoffs.size());
        assertEquals(0, Ledger.rows(ana));

        // Second start: the request reaches the server, the answer is lost on the way back.
        proxy.mode(LoopbackProxy.Mode.DROP_ANSWERS);
        try (OfflineQueue queue = startApp()) {
            assertEquals(made, queue.pending(), "the queue survived the restart, in order");
            assertEquals(EnqueueResult.ALREADY_QUEUED, queue.enqueue(made.get(0)));
            assertEquals(1, queue.replayNow().failedAttempts());
            assertEquals(5, queue.pending().size());
        }
        assertEquals(2, Ledger.rows(ana), "the first batch was applied although its answer never came");

        // Third start: the network is back.
        proxy.mode(LoopbackProxy.Mode.PASS);
        try (OfflineQueue queue = startApp()) {
            ReplayReport online = queue.replayNow();
            assertEquals(5, online.applied() + online.duplicates());
            assertEquals(0, online.deadLettered());
            assertEquals(0, online.pending());
            assertEquals(Optional.empty(), online.nextAttemptAt());
            assertEquals(List.of(), queue.deadLetters());
        }

        for (QueuedTransaction transaction : made) {
            assertEquals(1, copies(transaction.userId(), transaction.id()), transaction.id() + " in the ledger once");
        }
        assertEquals(3, Ledger.rows(ana));
        assertEquals(2, Ledger.rows(ben));
        assertEquals(120, Ledger.assertInvariant(ana));
        assertEquals(50, Ledger.assertInvariant(ben));
        assertEquals("sync", Fixtures.text("SELECT MAX(source) FROM point_transaction WHERE user_id = ?", ana));
        assertEquals(5, events.successes.size());
        assertEquals(
                List.of(),
                events.successes.stream()
                        .filter(event -> event.transactionId() <= 0)
                        .toList(),
                "every success names its ledger row");
    }

    @Test
    void replayingTheSameQueueThreeTimesChangesNothing() throws IOException {
        long userId = newMember();
        try (OfflineQueue queue = startApp()) {
            queue.enqueue(QueuedTransaction.earn(localId(), userId, 200).withDescription("Welcome"));
            queue.enqueue(QueuedTransaction.earn(localId(), userId, 40).withOrderId("WC-" + localId()));
            queue.enqueue(QueuedTransaction.redeem(localId(), userId, 90));
        }
        byte[] sameQueue = Files.readAllBytes(queueFile());
        try (OfflineQueue queue = startApp()) {
            assertEquals(3, queue.replayNow().applied());
        }
        String applied = Ledger.snapshot(userId);
        assertEquals(150, Ledger.assertInvariant(userId));

        for (int replay = 1; replay <= 3; replay++) {
            Files.write(queueFile(), sameQueue);
            try (OfflineQueue queue = startApp()) {
                ReplayReport report = queue.replayNow();
                assertEquals(0, report.applied(), "replay " + replay);
                assertEquals(3, report.duplicates(), "replay " + replay);
                assertEquals(0, report.pending());
            }
            assertEquals(applied, Ledger.snapshot(userId), "replay " + replay + " changed the ledger");
        }
        assertEquals(3, Ledger.rows(userId));
        assertEquals(150, Ledger.assertInvariant(userId));
    }

    @Test
    void aRejectedTransactionLandsInTheDeadLetterListWithTheServersReasonAndCanBeRetried() {
        long userId = newMember();
        QueuedTransaction tooMuch =
                QueuedTransaction.redeem(localId(), userId, 500).withDescription("Big prize");
        QueuedTransaction earned = QueuedTransaction.earn(localId(), userId, 100);
        try (OfflineQueue queue = startApp()) {
            queue.enqueue(tooMuch);
            queue.enqueue(earned);

            ReplayReport report = queue.replayNow();

            assertEquals(1, report.applied());
            assertEquals(1, report.deadLettered());
            assertEquals(0, report.failedAttempts(), "a business rejection is never retried");
            DeadLetter letter = queue.deadLetters().get(0);
            assertEquals(tooMuch, letter.transaction());
            assertEquals("insufficient_points", letter.code());
            assertEquals("Insufficient points", letter.message());
            assertEquals(1, letter.attempts());
            assertEquals(
                    "Not synced: 500 points redeemed (Big prize). Insufficient points",
                    events.deadLetters.get(0).userMessage());
            assertEquals(0, events.backoffs.size());
            assertEquals(100, Ledger.assertInvariant(userId));
        }
        try (OfflineQueue queue = startApp()) {
            assertEquals(
                    List.of(tooMuch),
                    queue.deadLetters().stream().map(DeadLetter::transaction).toList());
            queue.enqueue(QueuedTransaction.earn(localId(), userId, 450));
            assertTrue(queue.retryDeadLetter(tooMuch.id()));
            assertEquals(2, queue.replayNow().applied());
            assertEquals(List.of(), queue.deadLetters());
        }
        assertEquals(1, copies(userId, tooMuch.id()));
        assertEquals(50, Ledger.assertInvariant(userId));
    }

    @Test
    void aBatchRefusedAsAWholeIsDeadLetteredWithItsStatusAndNotRetried() {
        long inactive = newMember("inactive");
        try (OfflineQueue queue = startApp()) {
            queue.enqueue(QueuedTransaction.earn(localId(), inactive, 10));
            queue.enqueue(QueuedTransaction.earn(localId(), inactive, 20));

            ReplayReport report = queue.replayNow();

            assertEquals(2, report.deadLettered());
            assertEquals(0, report.failedAttempts());
            for (DeadLetter letter : queue.deadLetters()) {
                assertEquals("rest_user_inactive", letter.code());
                assertEquals(403, letter.httpStatus().getAsInt());
                assertEquals(403L, ((Number) letter.data().get("status")).longValue());
            }
            assertFalse(events.failures.get(0).willRetry());
            assertEquals(1, proxy.connections(), "one request, no retries");
        }
        assertEquals(0, Ledger.rows(inactive));
    }

    @Test
    void afterTheRetryCeilingATransactionIsDeadLetteredNotDropped() {
        long userId = newMember();
        MutableClock clock = new MutableClock(Instant.now());
        RetryPolicy twoAttempts = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(4), 2);
        QueuedTransaction earn = QueuedTransaction.earn(localId(), userId, 25);
        proxy.mode(LoopbackProxy.Mode.REFUSE);
        try (OfflineQueue queue = startApp(clock, twoAttempts)) {
            queue.enqueue(earn);
            queue.replayNow();
            clock.advance(Duration.ofSeconds(5));
            ReplayReport second = queue.replayDue();
            assertEquals(1, second.deadLettered());
            assertEquals(0, second.pending());
            DeadLetter letter = queue.deadLetters().get(0);
            assertEquals(DeadLetter.RETRY_CEILING_REACHED, letter.code());
            assertEquals(2, letter.attempts());
        }
        proxy.mode(LoopbackProxy.Mode.PASS);
        try (OfflineQueue queue = startApp(clock, twoAttempts)) {
            assertTrue(queue.retryDeadLetter(earn.id()));
            assertEquals(1, queue.replayNow().applied());
        }
        assertEquals(25, Ledger.assertInvariant(userId));
    }

    @Test
    void aServerThatAsksToSlowDownIsLeftAloneForItsRetryAfter() {
        long userId = newMember();
        MutableClock clock = new MutableClock(Instant.now());
        proxy.answer(
                429,
                "Too Many Requests",
                "Retry-After: 120\r\n",
                "{\"code\":\"rest_too_many_requests\",\"message\":\"Too many requests\",\"data\":{\"status\":429}}");
        try (OfflineQueue queue = startApp(clock, RetryPolicy.defaults())) {
            queue.enqueue(QueuedTransaction.earn(localId(), userId, 10));
            assertEquals(1, queue.replayNow().failedAttempts());
            QueueListener.BackoffScheduled backoff = events.backoffs.get(0);
            assertEquals(Optional.of(Duration.ofSeconds(120)), backoff.retryAfter());
            assertTrue(backoff.delay().compareTo(Duration.ofSeconds(120)) >= 0);

            proxy.mode(LoopbackProxy.Mode.PASS);
            clock.advance(Duration.ofSeconds(60));
            queue.replayNow();
            assertEquals(1, proxy.connections(), "nothing sent within Retry-After, even when asked to replay");
            clock.advance(Duration.ofSeconds(61));
            assertEquals(1, queue.replayNow().applied());
        }
        assertEquals(10, Ledger.assertInvariant(userId));
    }

    @Test
    void theQueueFileHoldsNoPlaintextAndTamperingIsDetected() throws IOException {
        long userId = newMember();
        Path keyStore = folder.resolve("queue-key.p12");
        char[] password = "device secret".toCharArray();
        String order = "WC-" + localId();
        QueuedTransaction rejected = QueuedTransaction.redeem(localId(), userId, 876543);
        QueuedTransaction waiting = QueuedTransaction.earn(localId(), userId, 654321)
                .withOrderId(order)
                .withDescription("Anniversary");
        PointsClient client = PointsClient.builder(proxy.uri())
                .apiKey(key.consumerKey(), key.consumerSecret())
                .build();
        try (OfflineQueue queue = OfflineQueue.builder(
                        client, queueFile(), QueueKey.fromKeyStore(keyStore, password, "points-queue"))
                .open()) {
            queue.enqueue(rejected);
            assertEquals(1, queue.replayNow().deadLettered());
            proxy.mode(LoopbackProxy.Mode.REFUSE);
            queue.enqueue(waiting);
            assertEquals(1, queue.replayNow().failedAttempts());
        }

        byte[] stored = Files.readAllBytes(queueFile());
        String bytes = new String(stored, StandardCharsets.ISO_8859_1);
        for (String plain : List.of(
                Long.toString(userId),
                "876543",
                "654321",
                order,
                "Anniversary",
                "insufficient",
                rejected.clientTransactionId(),
                waiting.clientTransactionId(),
                key.consumerKey())) {
            assertFalse(bytes.contains(plain), plain + " in plaintext in the queue file");
        }
        String keyStoreBytes = new String(Files.readAllBytes(keyStore), StandardCharsets.ISO_8859_1);
        assertFalse(keyStoreBytes.contains(Long.toString(userId)));

        // The same file opens with the key from the key store, and both transactions are there.
        try (OfflineQueue queue = OfflineQueue.builder(
                        client, queueFile(), QueueKey.fromKeyStore(keyStore, password, "points-queue"))
                .open()) {
            assertEquals(List.of(waiting), queue.pending());
            assertEquals(
                    List.of(rejected),
                    queue.deadLetters().stream().map(DeadLetter::transaction).toList());
        }
        stored[stored.length - 20] ^= 0x08;
        Files.write(queueFile(), stored);
        assertThrows(
                QueueTamperedException.class,
                () -> OfflineQueue.builder(
                                client, queueFile(), QueueKey.fromKeyStore(keyStore, password, "points-queue"))
                        .open());
        assertEquals(0, copies(userId, waiting.id()));
    }

    @Test
    void theAutomaticReplayKeepsTryingByItselfAndConnectivityCutsABackoffShort() throws Exception {
        long userId = newMember();
        proxy.mode(LoopbackProxy.Mode.REFUSE);
        CountDownLatch twoFailures = new CountDownLatch(2);
        CountDownLatch synced = new CountDownLatch(1);
        QueueListener latches = new QueueListener() {
            @Override
            public void onFailure(AttemptFailed event) {
                twoFailures.countDown();
            }

            @Override
            public void onSuccess(Synced event) {
                synced.countDown();
            }
        };
        PointsClient client = PointsClient.builder(proxy.uri())
                .apiKey(key.consumerKey(), key.consumerSecret())
                .build();
        // Short real backoff: the queue's own scheduler retries while the proxy refuses, then gets through.
        try (OfflineQueue queue = OfflineQueue.builder(client, queueFile(), queueKey)
                .retryPolicy(new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(200), 1_000))
                .listener(latches)
                .open()) {
            queue.start();
            queue.enqueue(QueuedTransaction.earn(localId(), userId, 15));
            assertTrue(twoFailures.await(60, TimeUnit.SECONDS), "retried without being asked");
            proxy.mode(LoopbackProxy.Mode.PASS);
            assertTrue(synced.await(60, TimeUnit.SECONDS), "got through once the network was back");
            assertEquals(List.of(), queue.pending());
        }
        assertEquals(15, Ledger.assertInvariant(userId));

        // An hour of backoff, cut short by the caller's connectivity signal.
        proxy.mode(LoopbackProxy.Mode.REFUSE);
        try (OfflineQueue queue = OfflineQueue.builder(client, queueFile(), queueKey)
                .retryPolicy(new RetryPolicy(Duration.ofHours(1), Duration.ofHours(1), 10))
                .listener(events)
                .open()) {
            queue.start();
            queue.enqueue(QueuedTransaction.credit(PointType.REFUND, localId(), userId, 5));
            ReplayReport offline = queue.connectivityRestored().get(60, TimeUnit.SECONDS);
            assertEquals(1, offline.pending());
            proxy.mode(LoopbackProxy.Mode.PASS);
            ReplayReport online = queue.connectivityRestored().get(60, TimeUnit.SECONDS);
            assertEquals(1, online.applied());
        }
        assertEquals(20, Ledger.assertInvariant(userId));
        assertEquals(SyncStatus.APPLIED, events.successes.get(0).status());
    }
}
