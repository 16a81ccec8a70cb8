package com.twork.points.ledger.rest;

import static com.twork.points.it.Fixtures.count;
import static com.twork.points.it.Fixtures.newMember;
import static com.twork.points.it.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.Reply;
import com.twork.points.it.SharedServer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class EarnIT {
    private final Fixtures.Key key = Fixtures.writeKey();

    private Reply earn(String json) {
        return Api.post("/earn", key, json);
    }

    @Test
    void earnCreditsALotAndAnswersThePluginsShape() {
        long userId = newMember();

        JsonObject answer = earn("{\"user_id\": " + userId + ", \"points\": 100, \"description\": \"Order bonus\"}")
                .assertOk();

        assertTrue(answer.getBoolean("success"));
        long id = answer.getJsonNumber("transaction_id").longValueExact();
        assertEquals(100, answer.getJsonNumber("new_balance").longValueExact());
        assertEquals(
                "earn|100|100|available|rest|key:" + key.id(),
                text(
                        "SELECT CONCAT_WS('|', type, points, remaining, status, source, actor) FROM point_transaction"
                                + " WHERE id = ?",
                        id));
        Instant expires = LocalDateTime.parse(text(
                        "SELECT DATE_FORMAT(expires_at, '%Y-%m-%dT%H:%i:%s')" + " FROM point_transaction WHERE id = ?",
                        id))
                .toInstant(ZoneOffset.UTC);
        Duration untilExpiry = Duration.between(Instant.now(), expires);
        assertTrue(untilExpiry.toDays() >= 364 && untilExpiry.toDays() <= 365, "expiration_days default 365");
        JsonObject balance = Api.get("/balance/" + userId, key).assertOk();
        assertEquals(100, balance.getInt("current_balance"));
        assertEquals(100, balance.getInt("lifetime_earned"));
        Ledger.assertInvariant(userId);
    }

    @Test
    void numbersMayArriveAsIntegerStrings() {
        long userId = newMember();
        JsonObject answer = earn("{\"user_id\": \"" + userId + "\", \"points\": \"40\", \"order_id\": 9001}")
                .assertOk();
        assertEquals(40, answer.getInt("new_balance"));
        assertEquals("9001", text("SELECT order_id FROM point_transaction WHERE user_id = ?", userId));
    }

    @Test
    void badPointsOrUserAre400AndWriteNothing() {
        long userId = newMember();
        String before = Ledger.snapshot(userId);
        List<String> bodies = List.of(
                "{\"user_id\": %d, \"points\": 0}",
                "{\"user_id\": %d, \"points\": -5}",
                "{\"user_id\": %d, \"points\": 1.5}",
                "{\"user_id\": %d, \"points\": \"1.5\"}",
                "{\"user_id\": %d, \"points\": true}",
                "{\"user_id\": %d, \"points\": [10]}",
                "{\"user_id\": %d, \"points\": \"ten\"}",
                "{\"user_id\": %d, \"points\": 2147483648}",
                "{\"user_id\": %d}");
        for (String body : bodies) {
            JsonObject error = earn(body.formatted(userId)).assertError(400, "invalid_params");
            assertEquals("Invalid user_id or points", error.getString("message"), body);
        }
        for (String body : List.of(
                "{\"points\": 10}",
                "{\"user_id\": 0, \"points\": 10}",
                "{\"user_id\": \"abc\", \"points\": 10}",
                "{\"user_id\": 1.5, \"points\": 10}",
                "[1, 2]",
                "{}")) {
            earn(body).assertError(400, "invalid_params");
        }
        assertEquals(before, Ledger.snapshot(userId));
    }

    @Test
    void typesAreThePluginsAndRedeemOrUnknownAreRefused() {
        long userId = newMember();
        for (String type : List.of("earn", "referral", "birthday", "refund", "adjust")) {
            earn("{\"user_id\": " + userId + ", \"points\": 10, \"type\": \"" + type + "\"}")
                    .assertOk();
        }
        String before = Ledger.snapshot(userId);
        earn("{\"user_id\": " + userId + ", \"points\": 10, \"type\": \"redeem\"}")
                .assertError(400, "invalid_type");
        earn("{\"user_id\": " + userId + ", \"points\": 10, \"type\": \"gift\"}")
                .assertError(400, "invalid_type");
        earn("{\"user_id\": " + userId + ", \"points\": 10, \"type\": 7}").assertError(400, "invalid_type");
        assertEquals(before, Ledger.snapshot(userId));
        assertEquals(
                10,
                count("SELECT lifetime_earned FROM point_account WHERE user_id = ?", userId),
                "lifetime_earned counts type earn only");
        Ledger.assertInvariant(userId);
    }

    @Test
    void expireThroughEarnIsAcknowledgedAndIgnored() {
        long userId = newMember();
        earn("{\"user_id\": " + userId + ", \"points\": 70}").assertOk();
        String before = Ledger.snapshot(userId);
        JsonObject answer = earn("{\"user_id\": " + userId + ", \"points\": 30, \"type\": \"expire\"}")
                .assertOk();
        assertEquals(0, answer.getInt("transaction_id"));
        assertEquals(70, answer.getInt("new_balance"));
        assertEquals(before, Ledger.snapshot(userId));
    }

    @Test
    void expiresAtIsParsedClampedOrDefaulted() {
        long userId = newMember();
        earn("{\"user_id\": " + userId + ", \"points\": 5, \"expires_at\": \"next week\"}")
                .assertError(400, "invalid_date");
        earn("{\"user_id\": " + userId + ", \"points\": 5, \"expires_at\": 12345}")
                .assertError(400, "invalid_date");

        String inAYear = LocalDateTime.now(ZoneOffset.UTC)
                .plusYears(1)
                .format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss"));
        long given = earn("{\"user_id\": " + userId + ", \"points\": 5, \"expires_at\": \"" + inAYear + ".000\"}")
                .assertOk()
                .getJsonNumber("transaction_id")
                .longValueExact();
        assertEquals(
                inAYear.replace('T', ' '),
                text(
                        "SELECT DATE_FORMAT(expires_at, '%Y-%m-%d %H:%i:%s')" + " FROM point_transaction WHERE id = ?",
                        given),
                "zone-less values are site time (UTC here)");

        long far = earn("{\"user_id\": " + userId + ", \"points\": 5, \"expires_at\": \"2099-01-01T00:00:00Z\"}")
                .assertOk()
                .getJsonNumber("transaction_id")
                .longValueExact();
        long days = count(
                "SELECT TIMESTAMPDIFF(DAY, UTC_TIMESTAMP(), expires_at) FROM point_transaction WHERE id = ?", far);
        assertTrue(days >= 729 && days <= 730, "clamped to max_expiration_days, was " + days);

        JsonObject past = earn("{\"user_id\": " + userId + ", \"points\": 8, \"expires_at\": \"2020-01-01 00:00:00\"}")
                .assertOk();
        assertEquals(10, past.getInt("new_balance"), "a lot born expired is not spendable");
        assertEquals(
                18, Api.get("/balance/" + userId, key).assertOk().getInt("lifetime_earned"), "but it counts as earned");

        try {
            Fixtures.setSetting("expiration_days", "0");
            long never = earn("{\"user_id\": " + userId + ", \"points\": 5}")
                    .assertOk()
                    .getJsonNumber("transaction_id")
                    .longValueExact();
            assertNull(text("SELECT expires_at FROM point_transaction WHERE id = ?", never), "0 means never");
        } finally {
            Fixtures.setSetting("expiration_days", "365");
        }
        Ledger.assertInvariant(userId);
    }

    @Test
    void sameOrderAndTypeIsRecordedOnce() {
        long userId = newMember();
        long first = earn("{\"user_id\": " + userId + ", \"points\": 50, \"order_id\": \"WC-77\"}")
                .assertOk()
                .getJsonNumber("transaction_id")
                .longValueExact();
        JsonObject again = earn("{\"user_id\": " + userId + ", \"points\": 50, \"order_id\": 77}")
                .assertOk();
        assertEquals(first, again.getJsonNumber("transaction_id").longValueExact(), "WC-77 and 77 are one order");
        assertEquals(50, again.getInt("new_balance"));
        String before = Ledger.snapshot(userId);
        JsonObject conflict = earn("{\"user_id\": " + userId + ", \"points\": 60, \"order_id\": \"#77\"}")
                .assertError(409, "duplicate_transaction");
        assertEquals(
                first,
                conflict.getJsonObject("data").getJsonNumber("transaction_id").longValueExact());
        assertEquals(before, Ledger.snapshot(userId));
        earn("{\"user_id\": " + userId + ", \"points\": 50, \"order_id\": \"77\", \"type\": \"refund\"}")
                .assertOk();
        assertEquals(2, Ledger.rows(userId), "another type on the same order is another row");
    }

    @Test
    void birthdayAndReferralThroughEarnAreOnceOnly() {
        long userId = newMember();
        long referred = newMember();
        long birthday = earn("{\"user_id\": " + userId + ", \"points\": 200, \"type\": \"birthday\"}")
                .assertOk()
                .getJsonNumber("transaction_id")
                .longValueExact();
        assertEquals(
                birthday,
                earn("{\"user_id\": " + userId + ", \"points\": 200, \"type\": \"birthday\"}")
                        .assertOk()
                        .getJsonNumber("transaction_id")
                        .longValueExact());
        String referral = "{\"user_id\": " + userId
                + ", \"points\": 500, \"type\": \"referral\", \"referred_user_id\": " + referred + "}";
        long first = earn(referral).assertOk().getJsonNumber("transaction_id").longValueExact();
        assertEquals(
                first, earn(referral).assertOk().getJsonNumber("transaction_id").longValueExact());
        assertEquals(700, Ledger.assertInvariant(userId));
    }

    @Test
    void orderEarnsAreOnlyClaimsWhenOrderWebhooksAreConfigured() {
        long userId = newMember();
        try {
            Fixtures.setSetting("webhook_secret", "shop-secret");
            JsonObject claim = earn("{\"user_id\": " + userId + ", \"points\": 90, \"order_id\": \"WC-501\"}")
                    .assertOk();
            assertEquals(0, claim.getInt("new_balance"));
            assertEquals(
                    "pending",
                    text(
                            "SELECT status FROM point_transaction WHERE id = ?",
                            claim.getJsonNumber("transaction_id").longValueExact()));
            earn("{\"user_id\": " + userId + ", \"points\": 10}").assertOk();
        } finally {
            Fixtures.setSetting("webhook_secret", "");
        }
        JsonObject balance = Api.get("/balance/" + userId, key).assertOk();
        assertEquals(10, balance.getInt("current_balance"), "a claim is never spendable by itself");
        assertEquals(90, balance.getInt("pending_points"));
        assertEquals(10, Ledger.assertInvariant(userId));
    }

    @Test
    void unknownMembersAreCreatedOnlyWhileAutoCreateIsOn() {
        long newId = 900_000_000L + System.nanoTime() % 1_000_000;
        earn("{\"user_id\": " + newId + ", \"points\": 10}").assertOk();
        assertEquals(1, count("SELECT COUNT(*) FROM member WHERE user_id = ? AND status = 'active'", newId));
        long otherId = newId + 1_000_000;
        try {
            Fixtures.setSetting("auto_create_members", "false");
            earn("{\"user_id\": " + otherId + ", \"points\": 10}").assertError(404, "rest_invalid_user");
            assertEquals(0, count("SELECT COUNT(*) FROM member WHERE user_id = ?", otherId));
        } finally {
            Fixtures.setSetting("auto_create_members", "true");
        }
        earn("{\"user_id\": " + newMember("inactive") + ", \"points\": 10}").assertError(403, "rest_user_inactive");
    }

    @Test
    void twentyConcurrentIdenticalEarnsCreditOnce() throws Exception {
        long userId = newMember();
        String body = "{\"user_id\": " + userId + ", \"points\": 25, \"order_id\": \"WC-3000\"}";
        List<Reply> replies = Concurrently.run(20, () -> earn(body));
        long id = replies.get(0).assertOk().getJsonNumber("transaction_id").longValueExact();
        for (Reply reply : replies) {
            assertEquals(id, reply.assertOk().getJsonNumber("transaction_id").longValueExact());
        }
        assertEquals(1, Ledger.rows(userId));
        assertEquals(25, Ledger.assertInvariant(userId));
    }
}
