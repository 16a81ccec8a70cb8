package com.twork.points.ledger.rest;

import static com.twork.points.it.Fixtures.count;
import static com.twork.points.it.Fixtures.insertLot;
import static com.twork.points.it.Fixtures.newMember;
import static com.twork.points.it.Fixtures.now;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.Reply;
import com.twork.points.it.SharedServer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class RedeemIT {
    private final Fixtures.Key key = Fixtures.writeKey();

    private Reply redeem(String json) {
        return Api.post("/redeem", key, json);
    }

    @Test
    void redeemConsumesSoonestExpiringLotsFirstWithAllocations() {
        long userId = newMember();
        long later = insertLot(userId, "earn", 50, now().minus(Duration.ofDays(3)), now().plus(Duration.ofDays(10)));
        long sooner = insertLot(userId, "earn", 30, now().minus(Duration.ofDays(1)), now().plus(Duration.ofDays(5)));
        long never = insertLot(userId, "earn", 100, now().minus(Duration.ofDays(9)), null);

        JsonObject answer =
                redeem("{\"user_id\": " + userId + ", \"points\": 60}").assertOk();

        assertEquals(120, answer.getInt("new_balance"));
        long debit = answer.getJsonNumber("transaction_id").longValueExact();
        assertEquals("Points redeemed", Fixtures.text("SELECT description FROM point_transaction WHERE id = ?", debit));
        assertEquals(0, count("SELECT remaining FROM point_transaction WHERE id = ?", sooner));
        assertEquals(20, count("SELECT remaining FROM point_transaction WHERE id = ?", later));
        assertEquals(100, count("SELECT remaining FROM point_transaction WHERE id = ?", never));
        assertEquals(30, count("SELECT points FROM point_allocation WHERE debit_id = ? AND lot_id = ?", debit, sooner));
        assertEquals(30, count("SELECT points FROM point_allocation WHERE debit_id = ? AND lot_id = ?", debit, later));
        assertEquals(60, Api.get("/balance/" + userId, key).assertOk().getInt("lifetime_redeemed"));
        Ledger.assertInvariant(userId);
    }

    @Test
    void tooFewPointsIs400WithTheFiguresAndWritesNothing() {
        long userId = newMember();
        insertLot(userId, "earn", 40, now(), now().plus(Duration.ofDays(30)));
        insertLot(userId, "earn", 100, now().minus(Duration.ofDays(9)), now().minus(Duration.ofDays(1)));
        String before = Ledger.snapshot(userId);

        JsonObject error =
                redeem("{\"user_id\": " + userId + ", \"points\": 41}").assertError(400, "insufficient_points");

        assertEquals("Insufficient points", error.getString("message"));
        assertEquals(40, error.getJsonObject("data").getInt("current_balance"), "expired lots do not count");
        assertEquals(41, error.getJsonObject("data").getInt("required"));
        assertEquals(before, Ledger.snapshot(userId), "not even the due expiry is kept");
    }

    @Test
    void badInputIs400InvalidParams() {
        long userId = newMember();
        insertLot(userId, "earn", 40, now(), null);
        String before = Ledger.snapshot(userId);
        for (String body : List.of(
                "{\"user_id\": %d, \"points\": 0}",
                "{\"user_id\": %d, \"points\": -1}",
                "{\"user_id\": %d, \"points\": 2.5}",
                "{\"user_id\": %d, \"points\": 10, \"order_total\": \"lots\"}",
                "{\"user_id\": %d, \"points\": 10, \"order_id\": {\"id\": 1}}",
                "{\"user_id\": %d, \"points\": 10, \"description\": [\"x\"]}")) {
            redeem(body.formatted(userId)).assertError(400, "invalid_params");
        }
        assertEquals(before, Ledger.snapshot(userId));
    }

    @Test
    void replayWithTheSameOrderReturnsTheSameRedemption() {
        long userId = newMember();
        insertLot(userId, "earn", 100, now(), null);
        long id = redeem("{\"user_id\": " + userId + ", \"points\": 30, \"order_id\": \"WC-88\"}")
                .assertOk()
                .getJsonNumber("transaction_id")
                .longValueExact();
        JsonObject again = redeem("{\"user_id\": " + userId + ", \"points\": 30, \"order_id\": \"88\"}")
                .assertOk();
        assertEquals(id, again.getJsonNumber("transaction_id").longValueExact());
        assertEquals(70, again.getInt("new_balance"));
        redeem("{\"user_id\": " + userId + ", \"points\": 31, \"order_id\": \"88\"}")
                .assertError(409, "duplicate_transaction");
        assertEquals(70, Ledger.assertInvariant(userId));
    }

    @Test
    void limitsApplyOnlyWhenEnforced() {
        long userId = newMember();
        insertLot(userId, "earn", 10_000, now(), null);
        redeem("{\"user_id\": " + userId + ", \"points\": 50}").assertOk();
        try {
            Fixtures.setSetting("enforce_redemption_limits", "true");
            redeem("{\"user_id\": " + userId + ", \"points\": 50}").assertError(400, "redemption_limit");
            // 50% of a 20.00 order at 100 points per currency unit: at most 1000 points.
            redeem("{\"user_id\": " + userId + ", \"points\": 1001, \"order_total\": \"20.00\"}")
                    .assertError(400, "redemption_limit");
            redeem("{\"user_id\": " + userId + ", \"points\": 1000, \"order_total\": 20}")
                    .assertOk();
        } finally {
            Fixtures.setSetting("enforce_redemption_limits", "false");
        }
        assertEquals(10_000 - 1_050, Ledger.assertInvariant(userId));
    }

    @Test
    void fiftyConcurrentRedeemsNeverOverdraw() throws Exception {
        long userId = newMember();
        insertLot(userId, "earn", 60, now(), now().plus(Duration.ofDays(20)));
        insertLot(userId, "earn", 40, now(), null);

        List<Reply> replies = Concurrently.run(50, () -> redeem("{\"user_id\": " + userId + ", \"points\": 10}"));

        long succeeded = replies.stream().filter(reply -> reply.status() == 200).count();
        for (Reply reply : replies) {
            if (reply.status() != 200) {
                reply.assertError(400, "insufficient_points");
            }
        }
        assertEquals(10, succeeded);
        assertEquals(0, Ledger.assertInvariant(userId));
        assertEquals(10, count("SELECT COUNT(*) FROM point_transaction WHERE user_id = ? AND type = 'redeem'", userId));
    }
}
