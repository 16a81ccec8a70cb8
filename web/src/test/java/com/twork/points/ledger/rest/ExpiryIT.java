package com.twork.points.ledger.rest;

import static com.twork.points.it.Fixtures.count;
import static com.twork.points.it.Fixtures.insertLot;
import static com.twork.points.it.Fixtures.newMember;
import static com.twork.points.it.Fixtures.now;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.SharedServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class ExpiryIT {
    private final Fixtures.Key key = Fixtures.writeKey();

    @Test
    void onlyTheUnspentRemainderExpiresAndOnlyOnce() {
        long userId = newMember();
        Api.post(
                        "/earn",
                        key,
                        "{\"user_id\": " + userId + ", \"points\": 100, \"expires_at\": \""
                                + now().plus(Duration.ofDays(10)) + "\"}")
                .assertOk();
        Api.post("/redeem", key, "{\"user_id\": " + userId + ", \"points\": 60}")
                .assertOk();
        try {
            Fixtures.shiftClock(Duration.ofDays(11));
            JsonObject answer = Api.post("/earn", key, "{\"user_id\": " + userId + ", \"points\": 50}")
                    .assertOk();
            assertEquals(50, answer.getInt("new_balance"));
            assertEquals(
                    40,
                    count("SELECT points FROM point_transaction WHERE user_id = ? AND type = 'expire'", userId),
                    "spent points never expire again [fix]");
            Api.post("/earn", key, "{\"user_id\": " + userId + ", \"points\": 5}")
                    .assertOk();
            assertEquals(
                    1,
                    count("SELECT COUNT(*) FROM point_transaction WHERE user_id = ? AND type = 'expire'", userId),
                    "nothing expires twice");
        } finally {
            Fixtures.shiftClock(Duration.ZERO);
        }
        JsonObject balance = Api.get("/balance/" + userId, key).assertOk();
        assertEquals(55, balance.getInt("current_balance"));
        assertEquals(40, balance.getInt("lifetime_expired"));
        assertEquals(55, Ledger.assertInvariant(userId));
    }

    @Test
    void checkExpiredTakesOnlyDueLotsAndTheShownBalanceNeverJumps() {
        long userId = newMember();
        insertLot(userId, "earn", 100, now().minus(Duration.ofDays(400)), now().minus(Duration.ofDays(35)));
        insertLot(userId, "earn", 100, now().minus(Duration.ofDays(1)), now().plus(Duration.ofDays(100)));
        assertEquals(100, Api.get("/balance/" + userId, key).assertOk().getInt("current_balance"));

        JsonObject result = Api.post("/check-expired/" + userId, key, "").assertOk();

        assertEquals(true, result.getBoolean("success"));
        assertEquals(1, result.getInt("expired_count"));
        assertEquals(100, result.getInt("expired_points"));
        assertEquals(100, result.getInt("new_balance"));
        assertEquals(100, Api.get("/balance/" + userId, key).assertOk().getInt("current_balance"));
        JsonObject nothing = Api.post("/check-expired/" + userId, key, "{}").assertOk();
        assertEquals(true, nothing.getBoolean("success"));
        assertEquals(0, nothing.getInt("expired_count"));
        assertEquals("No expired points found", nothing.getString("message"));
        Ledger.assertInvariant(userId);
    }

    @Test
    void checkExpiredForUserZeroIsThePluginsPoliteRefusal() {
        JsonObject answer = Api.post("/check-expired/0", key, "").assertOk();
        assertFalse(answer.getBoolean("success"));
        assertEquals(0, answer.getInt("expired_count"));
        assertEquals("Invalid user ID.", answer.getString("message"));
        Api.post("/check-expired/999999999996", key, "").assertError(404, "rest_invalid_user");
    }

    @Test
    void expiringListsOpenLotsWithinThirtyDaysSoonestFirst() {
        long userId = newMember();
        long twenty = insertLot(userId, "earn", 20, now(), now().plus(Duration.ofDays(20)));
        long five = insertLot(userId, "referral", 5, now(), now().plus(Duration.ofDays(5)));
        insertLot(userId, "earn", 40, now(), now().plus(Duration.ofDays(45)));
        insertLot(userId, "earn", 60, now(), null);
        insertLot(userId, "earn", 70, now().minus(Duration.ofDays(50)), now().minus(Duration.ofDays(1)));
        Api.post("/redeem", key, "{\"user_id\": " + userId + ", \"points\": 3}").assertOk();

        JsonObject answer = Api.get("/expiring/" + userId, key).assertOk();

        assertEquals(2, answer.getInt("count"));
        JsonArray rows = answer.getJsonArray("transactions");
        assertEquals(Long.toString(five), rows.getJsonObject(0).getString("id"));
        assertEquals(2, rows.getJsonObject(0).getInt("remaining"));
        assertEquals(5, rows.getJsonObject(0).getInt("points"));
        assertEquals(Long.toString(twenty), rows.getJsonObject(1).getString("id"));
        assertEquals(false, rows.getJsonObject(1).getBoolean("is_expired"));
    }
}
