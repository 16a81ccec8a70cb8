package com.twork.points.ledger.rest;

import static com.twork.points.it.Fixtures.count;
import static com.twork.points.it.Fixtures.newMember;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.Reply;
import com.twork.points.it.SharedServer;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class BonusesIT {
    private final Fixtures.Key key = Fixtures.writeKey();

    @Test
    void referralPaysOncePerReferredMember() {
        long referrer = newMember();
        long otherReferrer = newMember();
        long referred = newMember();

        JsonObject answer = Api.post(
                        "/referral", key, "{\"user_id\": " + referrer + ", \"referred_user_id\": " + referred + "}")
                .assertOk();

        assertEquals(500, answer.getInt("points_awarded"));
        assertEquals(500, answer.getInt("new_balance"));
        Api.post("/referral", key, "{\"user_id\": " + otherReferrer + ", \"referred_user_id\": " + referred + "}")
                .assertError(400, "already_referred");
        Api.post("/referral", key, "{\"user_id\": " + referrer + ", \"referred_user_id\": " + referrer + "}")
                .assertError(400, "invalid_referral");
        Api.post("/referral", key, "{\"user_id\": " + referrer + ", \"referred_user_id\": 999999999995}")
                .assertError(400, "invalid_referral");
        assertEquals(0, Ledger.rows(otherReferrer));
        assertEquals(500, Ledger.assertInvariant(referrer));
    }

    @Test
    void birthdayPaysOncePerYear() {
        long userId = newMember();
        JsonObject answer =
                Api.post("/birthday", key, "{\"user_id\": " + userId + "}").assertOk();
        assertEquals(200, answer.getInt("points_awarded"));
        JsonObject error =
                Api.post("/birthday", key, "{\"user_id\": " + userId + "}").assertError(400, "already_awarded");
        assertEquals("Birthday bonus already awarded this year", error.getString("message"));
        assertEquals(200, Ledger.assertInvariant(userId));
    }

    @Test
    void aKnownBirthdayMustBeNearToday() {
        long far = newMember();
        long near = newMember();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Fixtures.update(
                "UPDATE member SET birthday = ? WHERE user_id = ?",
                today.minusYears(30).plusMonths(6),
                far);
        Fixtures.update(
                "UPDATE member SET birthday = ? WHERE user_id = ?",
                today.minusYears(30).plusDays(3),
                near);
        Api.post("/birthday", key, "{\"user_id\": " + far + "}").assertError(400, "not_birthday");
        Api.post("/birthday", key, "{\"user_id\": " + near + "}").assertOk();
        assertEquals(0, Ledger.rows(far));
    }

    @Test
    void concurrentBirthdayCallsCreditOnce() throws Exception {
        long userId = newMember();
        List<Reply> replies = Concurrently.run(10, () -> Api.post("/birthday", key, "{\"user_id\": " + userId + "}"));
        assertEquals(1, replies.stream().filter(reply -> reply.status() == 200).count());
        replies.stream()
                .filter(reply -> reply.status() != 200)
                .forEach(reply -> reply.assertError(400, "already_awarded"));
        assertEquals(
                1, count("SELECT COUNT(*) FROM point_transaction WHERE user_id = ? AND type = 'birthday'", userId));
        assertEquals(200, Ledger.assertInvariant(userId));
    }
}
