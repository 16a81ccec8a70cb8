package com.twork.points.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The mixed write load of the crash and cluster tests (earn with order ids, earn and redeem with
 * {@code Idempotency-Key}, 10-item sync batches), every request kept with what came back, and the checks that
 * follow a kill: every 2xx is in the ledger, and after a retry each operation is there exactly once.
 */
public final class MixedWrites {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private MixedWrites() {}

    /** One request as sent and what (if anything) came back; status -1: no answer (the server died). */
    public record Sent(
            String kind,
            long userId,
            String tag,
            String path,
            String json,
            String idempotencyKey,
            List<String> itemIds) {}

    public record Outcome(Sent sent, int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonObject object() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }
    }

    /**
     * The {@code n}-th request of a load round: an earn with an order id (half with a key too), an earn or a redeem
     * with only an {@code Idempotency-Key}, or a 10-item sync batch; tags and ids unique per {@code prefix}, cycle and n.
     */
    public static Sent next(String prefix, int cycle, long member, int n, Random random) {
        String tag = prefix + "-" + cycle + "-" + n;
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
        return syncBatch(tag, cycle, member, n, random);
    }

    /** A 10-item sync batch of earn items with ids unique per cycle and n. */
    public static Sent syncBatch(String tag, int cycle, long member, int n, Random random) {
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

    /** Sends it to {@code base}; status -1 when no answer came. */
    public static Outcome send(String base, Fixtures.Key key, Sent sent) {
        Outcome outcome = send(base, key, "POST", sent.path(), sent.json(), sent.idempotencyKey());
        return new Outcome(sent, outcome.status(), outcome.body());
    }

    public static Outcome send(
            String base, Fixtures.Key key, String method, String path, String json, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + Api.PREFIX + path))
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

    /**
     * Waits for concurrent redeems' answers and counts the ones that went through; every other one must be the
     * documented refusal (400 {@code insufficient_points}), never an error.
     */
    public static int throughElseInsufficient(List<Future<Outcome>> answers, Duration wait) throws Exception {
        int succeeded = 0;
        for (Future<Outcome> answer : answers) {
            Outcome outcome = answer.get(wait.toSeconds(), TimeUnit.SECONDS);
            if (outcome.ok()) {
                succeeded++;
            } else {
                assertEquals(400, outcome.status(), outcome.body());
                assertEquals("insufficient_points", outcome.object().getString("code"));
            }
        }
        return succeeded;
    }

    /** A 2xx answer is in the ledger: the row it named, or every item the batch applied or matched. */
    public static void assertRecorded(Ledger.Counter db, Outcome outcome) {
        Sent sent = outcome.sent();
        if ("sync".equals(sent.kind())) {
            for (JsonValue value : outcome.object().getJsonArray("results")) {
                JsonObject item = value.asJsonObject();
                String status = item.getString("status");
                if ("applied".equals(status) || "duplicate".equals(status)) {
                    assertEquals(
                            1,
                            db.count(
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
                db.count(
                        "SELECT COUNT(*) FROM point_transaction WHERE id = ? AND user_id = ? AND description = ?",
                        id,
                        sent.userId(),
                        sent.tag()),
                "answered " + sent.kind() + " " + sent.tag() + " is transaction " + id);
    }

    /** After the retry: one row per operation that ended in a 2xx, none for one refused (insufficient points). */
    public static void assertExactlyOnce(Ledger.Counter db, Outcome retried) {
        Sent sent = retried.sent();
        assertTrue(
                retried.ok() || (retried.status() == 400 && "redeem".equals(sent.kind())),
                "retry of " + sent.tag() + " answered " + retried.status() + " " + retried.body());
        if ("sync".equals(sent.kind())) {
            for (String id : sent.itemIds()) {
                assertEquals(
                        1,
                        db.count(
                                "SELECT COUNT(*) FROM point_transaction WHERE user_id = ? AND client_ref = ?",
                                sent.userId(),
                                id),
                        "sync item " + id + " of " + sent.tag() + " exactly once");
            }
            return;
        }
        long rows = db.count(
                "SELECT COUNT(*) FROM point_transaction WHERE user_id = ? AND description = ?",
                sent.userId(),
                sent.tag());
        assertEquals(
                retried.ok() ? 1 : 0, rows, sent.kind() + " " + sent.tag() + " after its retry: " + retried.body());
        if (retried.ok()) {
            assertRecorded(db, retried);
        }
    }
}
