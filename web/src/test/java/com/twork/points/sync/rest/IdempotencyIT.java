package com.twork.points.sync.rest;

import static com.twork.points.it.Fixtures.newMember;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.Reply;
import com.twork.points.it.SharedServer;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class IdempotencyIT {
    private final Fixtures.Key key = Fixtures.writeKey();

    private Reply post(String path, Fixtures.Key as, String idempotencyKey, String json) {
        return Api.send(Api.request(Api.PREFIX + path)
                .header("Authorization", Api.basic(as.consumerKey(), as.consumerSecret()))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    @Test
    void aReplayReturnsTheStoredAnswerAndWritesNothing() {
        long userId = newMember();
        String idem = UUID.randomUUID().toString();
        Reply first = post("/earn", key, idem, "{\"user_id\": " + userId + ", \"points\": 10}");
        first.assertOk();
        assertFalse(first.header("Idempotency-Replayed").isPresent());

        Reply again = post("/earn", key, idem, "{ \"points\": 10,  \"user_id\": " + userId + " }");

        assertEquals(first.body(), again.body());
        assertEquals("true", again.header("Idempotency-Replayed").orElseThrow());
        assertEquals(1, Ledger.rows(userId));
        assertEquals(10, Ledger.assertInvariant(userId));
    }

    @Test
    void aDifferentBodyIs422AndAnotherCredentialIsAnotherScope() {
        long userId = newMember();
        String idem = UUID.randomUUID().toString();
        post("/earn", key, idem, "{\"user_id\": " + userId + ", \"points\": 10}")
                .assertOk();
        post("/earn", key, idem, "{\"user_id\": " + userId + ", \"points\": 11}")
                .assertError(422, "idempotency_key_reused");
        Reply other = post("/earn", Fixtures.writeKey(), idem, "{\"user_id\": " + userId + ", \"points\": 10}");
        other.assertOk();
        assertFalse(other.header("Idempotency-Replayed").isPresent());
        assertEquals(20, Ledger.assertInvariant(userId));
    }

    @Test
    void businessErrorsAreStoredAndReplayedToo() {
        long userId = newMember();
        String idem = UUID.randomUUID().toString();
        Reply refused = post("/redeem", key, idem, "{\"user_id\": " + userId + ", \"points\": 10}");
        refused.assertError(400, "insufficient_points");
        Api.post("/earn", key, "{\"user_id\": " + userId + ", \"points\": 50}").assertOk();
        Reply replay = post("/redeem", key, idem, "{\"user_id\": " + userId + ", \"points\": 10}");
        replay.assertError(400, "insufficient_points");
        assertEquals("true", replay.header("Idempotency-Replayed").orElseThrow());
        assertEquals(50, Ledger.assertInvariant(userId));
    }

    @Test
    void concurrentDuplicatesRunOnce() throws Exception {
        long userId = newMember();
        String idem = UUID.randomUUID().toString();
        String body = "{\"user_id\": " + userId + ", \"points\": 7, \"description\": \"once\"}";
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Reply> replies = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return post("/earn", key, idem, body);
                }));
            }
            start.countDown();
            for (Future<Reply> future : futures) {
                replies.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        for (Reply reply : replies) {
            assertTrue(reply.status() == 200 || reply.status() == 409, reply.body());
            if (reply.status() == 409) {
                reply.assertError(409, "idempotency_key_in_progress");
            }
        }
        assertEquals(1, Ledger.rows(userId));
        assertEquals(7, Ledger.assertInvariant(userId));
    }

    @Test
    void anOverlongKeyIsABadParameter() {
        post("/earn", key, "k".repeat(256), "{\"user_id\": 1, \"points\": 1}").assertError(400, "rest_invalid_param");
    }

    /**
     * A server killed after the use case committed but before the answer was stored leaves the claim "in progress";
     * once that claim is abandoned (15 minutes), a retry takes it over and must answer with the committed row instead
     * of writing the points again.
     */
    @Test
    void aRetryTakingOverAnAbandonedClaimFindsTheRowItsFirstAttemptCommitted() {
        long userId = newMember();
        Fixtures.insertLot(userId, "earn", 100, Fixtures.now().minusSeconds(60), null);
        for (String path : List.of("/earn", "/redeem")) {
            String idem = UUID.randomUUID().toString();
            String body = "{\"user_id\": " + userId + ", \"points\": 7, \"description\": \"" + idem + "\"}";
            long first = post(path, key, idem, body)
                    .assertOk()
                    .getJsonNumber("transaction_id")
                    .longValueExact();
            Fixtures.update(
                    "UPDATE idempotency_record SET state = 'in_progress', response_status = NULL, response_body = NULL,"
                            + " created_at = created_at - INTERVAL 16 MINUTE WHERE idempotency_key = ?",
                    idem);

            Reply retry = post(path, key, idem, body);

            assertEquals(first, retry.assertOk().getJsonNumber("transaction_id").longValueExact(), path);
            assertEquals(1, Fixtures.count("SELECT COUNT(*) FROM point_transaction WHERE description = ?", idem), path);
        }
        assertEquals(100, Ledger.assertInvariant(userId));
    }

    /**
     * The same crash window when the /earn or /redeem was answered by pairing with a row the app synced earlier (no
     * new row): the retry that takes the abandoned claim over must find that row again, not write the points.
     */
    @Test
    void aRetryAfterAnAnswerByPairingFindsThePairedRowAgain() {
        long userId = newMember();
        Fixtures.insertLot(userId, "earn", 100, Fixtures.now().minusSeconds(60), null);
        for (String type : List.of("earn", "redeem")) {
            String description = "Paired " + UUID.randomUUID();
            String item = "{\"id\": \"" + UUID.randomUUID() + "\", \"user_id\": \"0\", \"type\": \"" + type
                    + "\", \"points\": 9, \"description\": \"" + description + "\"}";
            long synced = post(
                            "/sync",
                            key,
                            UUID.randomUUID().toString(),
                            "{\"user_id\": " + userId + ", \"transactions\": [" + item + "]}")
                    .assertOk()
                    .getJsonArray("results")
                    .getJsonObject(0)
                    .getJsonNumber("transaction_id")
                    .longValueExact();
            String idem = UUID.randomUUID().toString();
            String body = "{\"user_id\": " + userId + ", \"points\": 9, \"description\": \"" + description + "\"}";
            long paired = post("/" + type, key, idem, body)
                    .assertOk()
                    .getJsonNumber("transaction_id")
                    .longValueExact();
            assertEquals(synced, paired, type + " pairs with the synced row");
            Fixtures.update(
                    "UPDATE idempotency_record SET state = 'in_progress', response_status = NULL, response_body = NULL,"
                            + " created_at = created_at - INTERVAL 16 MINUTE WHERE idempotency_key = ?",
                    idem);

            Reply retry = post("/" + type, key, idem, body);

            assertEquals(
                    synced, retry.assertOk().getJsonNumber("transaction_id").longValueExact(), type);
            assertEquals(
                    1,
                    Fixtures.count("SELECT COUNT(*) FROM point_transaction WHERE description = ?", description),
                    type + ": the retry wrote nothing");
        }
        assertEquals(100, Ledger.assertInvariant(userId));
    }
}
