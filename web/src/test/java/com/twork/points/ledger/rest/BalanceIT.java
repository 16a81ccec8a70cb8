package com.twork.points.ledger.rest;

import static com.twork.points.it.Fixtures.count;
import static com.twork.points.it.Fixtures.insertLot;
import static com.twork.points.it.Fixtures.newMember;
import static com.twork.points.it.Fixtures.now;
import static com.twork.points.it.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.SharedServer;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class BalanceIT {
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private final Fixtures.Key key = Fixtures.newKey("read");

    @Test
    void balanceHasThePluginsKeysAsIntegersPlusOurs() {
        long userId = newMember();
        insertLot(userId, "earn", 100, now().minus(Duration.ofDays(1)), now().plus(Duration.ofDays(10)));
        insertLot(userId, "earn", 30, now().minus(Duration.ofDays(1)), null);
        insertLot(userId, "referral", 20, now().minus(Duration.ofDays(1)), now().plus(Duration.ofDays(100)));

        JsonObject balance = Api.get("/balance/" + userId, key).assertOk();

        assertEquals(userId, balance.getJsonNumber("user_id").longValueExact());
        assertEquals(150, integer(balance, "current_balance"));
        assertEquals(130, integer(balance, "lifetime_earned"), "lifetime_earned counts type earn only");
        assertEquals(0, integer(balance, "lifetime_redeemed"));
        assertEquals(0, integer(balance, "lifetime_expired"));
        assertEquals(0, integer(balance, "pending_points"));
        assertEquals(100, integer(balance, "expiring_soon"), "only the lot expiring within 30 days");
        assertTrue(balance.getString("last_updated").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"));
        JsonObject tier = balance.getJsonObject("tier");
        assertEquals("basic", tier.getString("key"));
        assertEquals("Basic", tier.getString("label"));
        assertEquals(1.0, tier.getJsonNumber("multiplier").doubleValue());
        assertEquals("bronze", tier.getString("next_key"));
        assertEquals(5_000 - 130, tier.getJsonNumber("points_to_next").longValueExact());
    }

    @Test
    void lotsPastTheirExpiryAreNotCountedEvenBeforeAnythingExpiresThem() {
        long userId = newMember();
        insertLot(userId, "earn", 70, now().minus(Duration.ofDays(40)), now().minus(Duration.ofMinutes(1)));
        insertLot(userId, "earn", 30, now().minus(Duration.ofDays(1)), now().plus(Duration.ofDays(60)));

        JsonObject balance = Api.get("/balance/" + userId, key).assertOk();

        assertEquals(30, integer(balance, "current_balance"));
        assertEquals(100, integer(balance, "lifetime_earned"));
        assertEquals(0, integer(balance, "lifetime_expired"), "a read expires nothing");
    }

    @Test
    void aReadWritesNothing() {
        long userId = newMember();
        insertLot(userId, "earn", 50, now().minus(Duration.ofDays(10)), now().minus(Duration.ofDays(1)));
        String before = text(
                "SELECT CONCAT(balance, '/', updated_at, '/', version) FROM point_account WHERE user_id = ?", userId);
        long rows = count("SELECT COUNT(*) FROM point_transaction WHERE user_id = ?", userId);

        Api.get("/balance/" + userId, key).assertOk();
        Api.get("/transactions/" + userId, key).assertOk();

        assertEquals(
                before,
                text(
                        "SELECT CONCAT(balance, '/', updated_at, '/', version) FROM point_account"
                                + " WHERE user_id = ?",
                        userId));
        assertEquals(rows, count("SELECT COUNT(*) FROM point_transaction WHERE user_id = ?", userId));
        assertEquals(50, count("SELECT remaining FROM point_transaction WHERE user_id = ?", userId));
    }

    @Test
    void aMemberWithoutAccountHasZerosAndItsCreationTime() {
        long userId = newMember();
        String created =
                text("SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') FROM member WHERE user_id = ?", userId);

        JsonObject balance = Api.get("/balance/" + userId, key).assertOk();

        assertEquals(0, integer(balance, "current_balance"));
        assertEquals(0, integer(balance, "lifetime_earned"));
        assertEquals(created, balance.getString("last_updated"));
        assertEquals(0, count("SELECT COUNT(*) FROM point_account WHERE user_id = ?", userId), "GET creates nothing");
    }

    @Test
    void unknownMemberIs404AndInactiveMemberIs403() {
        Api.get("/balance/999999999999", key).assertError(404, "rest_invalid_user");
        long inactive = newMember("inactive");
        Api.get("/balance/" + inactive, key).assertError(403, "rest_user_inactive");
    }

    @Test
    void theTestClockMovesWhatCountsAsExpired() {
        long userId = newMember();
        insertLot(userId, "earn", 40, now(), now().plus(Duration.ofDays(1)));
        assertEquals(40, integer(Api.get("/balance/" + userId, key).assertOk(), "current_balance"));
        try {
            Fixtures.shiftClock(Duration.ofDays(2));
            assertEquals(0, integer(Api.get("/balance/" + userId, key).assertOk(), "current_balance"));
            JsonObject row = Api.get("/transactions/" + userId, key)
                    .assertOk()
                    .getJsonArray("transactions")
                    .getJsonObject(0);
            assertEquals(JsonValue.TRUE, row.get("is_expired"));
        } finally {
            Fixtures.shiftClock(Duration.ZERO);
        }
        assertEquals(40, integer(Api.get("/balance/" + userId, key).assertOk(), "current_balance"));
    }

    @Test
    void timesAreShownInTheSiteTimeZone() {
        long userId = newMember();
        Instant created = now().minus(Duration.ofHours(3));
        insertLot(userId, "earn", 10, created, null);
        try {
            Fixtures.setSetting("site_timezone", "Asia/Yangon");
            JsonObject row = Api.get("/transactions/" + userId, key)
                    .assertOk()
                    .getJsonArray("transactions")
                    .getJsonObject(0);
            assertEquals(WIRE.format(created.atZone(ZoneId.of("Asia/Yangon"))), row.getString("created_at"));
        } finally {
            Fixtures.setSetting("site_timezone", "UTC");
        }
    }

    private static long integer(JsonObject object, String name) {
        JsonValue value = object.get(name);
        assertEquals(JsonValue.ValueType.NUMBER, value.getValueType(), name + " must be a JSON number");
        assertTrue(((JsonNumber) value).isIntegral(), name + " must be an integer");
        return ((JsonNumber) value).longValueExact();
    }
}
