package com.twork.points.sync.rest;

import static com.twork.points.it.Fixtures.count;
import static com.twork.points.it.Fixtures.newMember;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.Reply;
import com.twork.points.it.SharedServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class SyncIT {
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter APP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");
    private final Fixtures.Key key = Fixtures.writeKey();
    private long localId = System.currentTimeMillis();

    private Reply sync(long userId, JsonArray items) {
        return Api.post(
                "/sync",
                key,
                Json.createObjectBuilder()
                        .add("user_id", userId)
                        .add("transactions", items)
                        .build()
                        .toString());
    }

    private JsonObject item(String id, String type, int points, String description) {
        return Json.createObjectBuilder()
                .add("id", id)
                .add("user_id", "0")
                .add("type", type)
                .add("points", points)
                .add("description", description)
                .add("order_id", JsonValue.NULL)
                .add("created_at", "2026-01-15T10:30:00.000")
                .add("expires_at", JsonValue.NULL)
                .add("is_expired", false)
                .build();
    }

    private String nextLocalId() {
        return Long.toString(++localId);
    }

    @Test
    void theSameBatchPostedFiveTimesIsAppliedOnce() {
        long userId = newMember();
        JsonArray batch = Json.createArrayBuilder()
                .add(item(nextLocalId(), "earn", 100, "Shop visit"))
                .add(item(nextLocalId(), "earn", 50, "Review"))
                .add(item(nextLocalId(), "redeem", 30, "Coffee"))
                .build();

        JsonObject first = sync(userId, batch).assertOk();
        assertTrue(first.getBoolean("success"));
        assertEquals(3, first.getInt("synced"));
        assertEquals(3, first.getInt("total"));
        assertEquals(120, first.getInt("new_balance"));
        assertEquals(0, first.getJsonArray("errors").size());
        for (int i = 0; i < 4; i++) {
            JsonObject again = sync(userId, batch).assertOk();
            assertEquals(0, again.getInt("synced"));
            assertEquals(120, again.getInt("new_balance"));
            again.getJsonArray("results")
                    .forEach(result ->
                            assertEquals("duplicate", result.asJsonObject().getString("status")));
        }
        assertEquals(3, Ledger.rows(userId));
        assertEquals(120, Ledger.assertInvariant(userId));
        assertEquals("sync", Fixtures.text("SELECT MIN(source) FROM point_transaction WHERE user_id = ?", userId));
    }

    @Test
    void anEchoOfTheServersOwnRowsWritesNothing() {
        long userId = newMember();
        Api.post("/earn", key, "{\"user_id\": " + userId + ", \"points\": 300, \"order_id\": \"WC-9\"}")
                .assertOk();
        Api.post("/redeem", key, "{\"user_id\": " + userId + ", \"points\": 20}")
                .assertOk();
        JsonArray rows = Api.get("/transactions/" + userId, key).assertOk().getJsonArray("transactions");
        String before = Ledger.snapshot(userId);

        JsonArrayBuilder echo = Json.createArrayBuilder();
        for (JsonValue value : rows) {
            JsonObject row = value.asJsonObject();
            // What the app caches and re-posts: our fields, dates re-formatted its own way.
            echo.add(Json.createObjectBuilder(row)
                    .add(
                            "created_at",
                            LocalDateTime.parse(row.getString("created_at"), WIRE)
                                    .format(APP))
                    .build());
        }
        JsonObject answer = sync(userId, echo.build()).assertOk();

        assertEquals(0, answer.getInt("synced"));
        assertTrue(answer.getBoolean("success"));
        assertEquals(before, Ledger.snapshot(userId));
        answer.getJsonArray("results").forEach(result -> {
            assertEquals("duplicate", result.asJsonObject().getString("status"));
            assertEquals(
                    result.asJsonObject().getString("id"),
                    Long.toString(result.asJsonObject()
                            .getJsonNumber("transaction_id")
                            .longValueExact()));
        });
    }

    @Test
    void anEchoOfOurOwnNegativeAdjustmentIsADuplicateNotARejection() {
        long userId = newMember();
        Fixtures.insertLot(userId, "earn", 100, Fixtures.now(), null);
        long reversal =
                Fixtures.insertRow(userId, "adjust", -40, "Order #5 cancelled", "5", Fixtures.now(), null, "available");
        String before = Ledger.snapshot(userId);

        // The app could never post a negative adjustment itself, but it echoes the one it was shown.
        JsonObject answer = sync(
                        userId,
                        Json.createArrayBuilder()
                                .add(item(Long.toString(reversal), "adjust", -40, "Order #5 cancelled"))
                                .build())
                .assertOk();

        assertTrue(answer.getBoolean("success"), answer.toString());
        assertEquals(0, answer.getJsonArray("errors").size());
        JsonObject result = answer.getJsonArray("results").getJsonObject(0);
        assertEquals("duplicate", result.getString("status"));
        assertEquals(reversal, result.getJsonNumber("transaction_id").longValueExact());
        assertEquals(before, Ledger.snapshot(userId));
    }

    @Test
    void anEarnPostedThenEchoedWithTheLocalIdIsCreditedOnce() {
        long userId = newMember();
        long posted = Api.post("/earn", key, "{\"user_id\": " + userId + ", \"points\": 75, \"description\": \"Scan\"}")
                .assertOk()
                .getJsonNumber("transaction_id")
                .longValueExact();
        String local = nextLocalId();

        JsonObject answer = sync(
                        userId,
                        Json.createArrayBuilder()
                                .add(item(local, "earn", 75, "Scan"))
                                .build())
                .assertOk();

        JsonObject result = answer.getJsonArray("results").getJsonObject(0);
        assertEquals("duplicate", result.getString("status"));
        assertEquals(posted, result.getJsonNumber("transaction_id").longValueExact());
        assertEquals(local, Fixtures.text("SELECT client_ref FROM point_transaction WHERE id = ?", posted));
        assertEquals(75, Ledger.assertInvariant(userId));
        // The echo again, by local id this time: still nothing new.
        sync(
                        userId,
                        Json.createArrayBuilder()
                                .add(item(local, "earn", 75, "Scan"))
                                .build())
                .assertOk();
        assertEquals(1, Ledger.rows(userId));
    }

    @Test
    void aRedeemPostedThenEchoedIsDebitedOnce() {
        long userId = newMember();
        Api.post("/earn", key, "{\"user_id\": " + userId + ", \"points\": 100}").assertOk();
        Api.post("/redeem", key, "{\"user_id\": " + userId + ", \"points\": 40}")
                .assertOk();
        JsonObject answer = sync(
                        userId,
                        Json.createArrayBuilder()
                                .add(item(nextLocalId(), "redeem", 40, "Points redeemed"))
                                .build())
                .assertOk();
        assertEquals(
                "duplicate", answer.getJsonArray("results").getJsonObject(0).getString("status"));
        assertEquals(60, Ledger.assertInvariant(userId));
    }

    @Test
    void anItemSyncedThenReplayedThroughEarnIsCreditedOnce() {
        long userId = newMember();
        JsonObject synced = sync(
                        userId,
                        Json.createArrayBuilder()
                                .add(item(nextLocalId(), "earn", 60, "Offline"))
                                .build())
                .assertOk();
        long id = synced.getJsonArray("results")
                .getJsonObject(0)
                .getJsonNumber("transaction_id")
                .longValueExact();

        JsonObject replay = Api.post(
                        "/earn", key, "{\"user_id\": " + userId + ", \"points\": 60, \"description\": \"Offline\"}")
                .assertOk();

        assertEquals(id, replay.getJsonNumber("transaction_id").longValueExact());
        assertEquals(60, replay.getInt("new_balance"));
        assertEquals(60, Ledger.assertInvariant(userId));
    }

    @Test
    void twoGenuinelyIdenticalEventsStayTwo() {
        long userId = newMember();
        String earn = "{\"user_id\": " + userId + ", \"points\": 10, \"description\": \"Check-in\"}";
        Api.post("/earn", key, earn).assertOk();
        Api.post("/earn", key, earn).assertOk();
        JsonObject answer = sync(
                        userId,
                        Json.createArrayBuilder()
                                .add(item(nextLocalId(), "earn", 10, "Check-in"))
                                .add(item(nextLocalId(), "earn", 10, "Check-in"))
                                .build())
                .assertOk();
        answer.getJsonArray("results")
                .forEach(result ->
                        assertEquals("duplicate", result.asJsonObject().getString("status")));
        assertEquals(2, Ledger.rows(userId), "each row pairs at most once");
        assertEquals(20, Ledger.assertInvariant(userId));
        JsonObject third = sync(
                        userId,
                        Json.createArrayBuilder()
                                .add(item(nextLocalId(), "earn", 10, "Check-in"))
                                .build())
                .assertOk();
        assertEquals(
                "applied",
                third.getJsonArray("results").getJsonObject(0).getString("status"),
                "a third identical event is a third event");
        assertEquals(30, Ledger.assertInvariant(userId));
    }

    @Test
    void aBadItemIsRejectedAloneAndTheRestApplied() {
        long userId = newMember();
        JsonArray batch = Json.createArrayBuilder()
                .add(item(nextLocalId(), "earn", 40, "Good"))
                .add(item(nextLocalId(), "gift", 40, "Unknown type"))
                .add(item(nextLocalId(), "redeem", 1_000, "Too much"))
                .add(Json.createObjectBuilder()
                        .add("type", "earn")
                        .add("points", 5)
                        .build())
                .add(item(nextLocalId(), "expire", 10, "The app's own expiry"))
                .add(item(nextLocalId(), "earn", -3, "Negative"))
                .add(JsonValue.TRUE)
                .add(item(nextLocalId(), "redeem", 15, "Fine"))
                .build();

        JsonObject answer = sync(userId, batch).assertOk();

        assertFalse(answer.getBoolean("success"));
        assertEquals(2, answer.getInt("synced"));
        assertEquals(8, answer.getInt("total"));
        assertEquals(25, answer.getInt("new_balance"));
        JsonArray results = answer.getJsonArray("results");
        assertEquals("applied", results.getJsonObject(0).getString("status"));
        assertEquals("invalid_type", results.getJsonObject(1).getString("code"));
        assertEquals("insufficient_points", results.getJsonObject(2).getString("code"));
        assertEquals("rejected", results.getJsonObject(3).getString("status"));
        assertEquals("ignored", results.getJsonObject(4).getString("status"));
        assertEquals("invalid_params", results.getJsonObject(5).getString("code"));
        assertEquals("rejected", results.getJsonObject(6).getString("status"));
        assertEquals("applied", results.getJsonObject(7).getString("status"));
        assertEquals(JsonValue.NULL, results.getJsonObject(1).get("transaction_id"));
        assertEquals(5, answer.getJsonArray("errors").size());
        assertEquals(25, Ledger.assertInvariant(userId));
        assertEquals(0, count("SELECT COUNT(*) FROM point_transaction WHERE user_id = ? AND type = 'expire'", userId));
    }

    /**
     * Plain credits of a batch are paired from one query and written by one multi-row insert, the other items one
     * by one; the outcome must be exactly what item-by-item judging in order gives: a redemption sees the plain
     * credits before it, an id repeated inside the batch is a duplicate of its first occurrence, a credit past its
     * expiry is counted but never shown or spent.
     */
    @Test
    void aBatchMixingPlainCreditsWithOtherItemsIsJudgedInOrder() {
        long userId = newMember();
        String earn = "{\"user_id\": " + userId + ", \"points\": 10, \"description\": \"Check-in\"}";
        long firstEarn = Api.post("/earn", key, earn)
                .assertOk()
                .getJsonNumber("transaction_id")
                .longValueExact();
        long secondEarn = Api.post("/earn", key, earn)
                .assertOk()
                .getJsonNumber("transaction_id")
                .longValueExact();
        String third = nextLocalId();
        JsonObject bornExpired = Json.createObjectBuilder(item(nextLocalId(), "earn", 40, "Late"))
                .add("expires_at", "2020-01-01T00:00:00.000")
                .build();
        JsonArray batch = Json.createArrayBuilder()
                .add(item(nextLocalId(), "earn", 10, "Check-in"))
                .add(item(nextLocalId(), "earn", 10, "Check-in"))
                .add(item(third, "earn", 10, "Check-in"))
                .add(bornExpired)
                .add(item(nextLocalId(), "redeem", 45, "Too much: the late lot is not spendable"))
                .add(item(nextLocalId(), "redeem", 25, "Coffee"))
                .add(item(third, "earn", 10, "Check-in"))
                .add(item(nextLocalId(), "earn", 7, "After the coffee"))
                .build();

        JsonObject answer = sync(userId, batch).assertOk();

        JsonArray results = answer.getJsonArray("results");
        assertEquals("duplicate", results.getJsonObject(0).getString("status"));
        assertEquals(
                firstEarn,
                results.getJsonObject(0).getJsonNumber("transaction_id").longValueExact());
        assertEquals(
                secondEarn,
                results.getJsonObject(1).getJsonNumber("transaction_id").longValueExact());
        assertEquals("applied", results.getJsonObject(2).getString("status"));
        assertEquals("applied", results.getJsonObject(3).getString("status"));
        assertEquals("insufficient_points", results.getJsonObject(4).getString("code"));
        assertEquals("applied", results.getJsonObject(5).getString("status"));
        assertEquals("duplicate", results.getJsonObject(6).getString("status"));
        assertEquals(
                results.getJsonObject(2).getJsonNumber("transaction_id").longValueExact(),
                results.getJsonObject(6).getJsonNumber("transaction_id").longValueExact(),
                "an id repeated in one batch answers with its first occurrence's row");
        assertEquals("applied", results.getJsonObject(7).getString("status"));
        assertEquals(4, answer.getInt("synced"));
        assertEquals(20 + 10 - 25 + 7, answer.getInt("new_balance"));
        assertEquals(
                answer.getInt("new_balance"),
                Api.get("/balance/" + userId, key).assertOk().getInt("current_balance"));
        assertEquals(20 + 10 + 40 - 25 + 7, Ledger.assertInvariant(userId), "the late lot counts until it expires");

        // Only plain credits: the batch answers its balance itself. The late lot expires first, the new late one is
        // counted but not shown.
        JsonObject onlyPlain = sync(
                        userId,
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder(item(nextLocalId(), "earn", 5, "Late again"))
                                        .add("expires_at", "2020-01-01T00:00:00.000")
                                        .build())
                                .add(item(nextLocalId(), "earn", 3, "Visit"))
                                .build())
                .assertOk();
        assertEquals(12 + 3, onlyPlain.getInt("new_balance"));
        assertEquals(15, Api.get("/balance/" + userId, key).assertOk().getInt("current_balance"));
        assertEquals(12 + 5 + 3, Ledger.assertInvariant(userId));
        assertEquals(
                40,
                count(
                        "SELECT COALESCE(SUM(points), 0) FROM point_transaction WHERE user_id = ? AND type = 'expire'",
                        userId));
    }

    @Test
    void malformedBatchesAre400AndWriteNothing() {
        long userId = newMember();
        String before = Ledger.snapshot(userId);
        Api.post("/sync", key, "{\"user_id\": " + userId + ", \"transactions\": {\"0\": {}}}")
                .assertError(400, "invalid_params");
        Api.post("/sync", key, "{\"user_id\": " + userId + "}").assertError(400, "invalid_params");
        Api.post("/sync", key, "{\"transactions\": []}").assertError(400, "invalid_params");
        JsonArrayBuilder big = Json.createArrayBuilder();
        for (int i = 0; i < 501; i++) {
            big.add(item(nextLocalId(), "earn", 1, "Bulk"));
        }
        JsonObject error = sync(userId, big.build()).assertError(400, "batch_too_large");
        assertEquals(500, error.getJsonObject("data").getInt("limit"));
        assertEquals(before, Ledger.snapshot(userId));
    }
}
