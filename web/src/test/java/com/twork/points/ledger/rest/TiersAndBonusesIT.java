package com.twork.points.ledger.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.SharedServer;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SPEC §6.3 tiers from earned points (lifetime or rolling 12 months) and §6.5 the sign-up bonus. */
@ExtendWith(SharedServer.class)
class TiersAndBonusesIT {
    private final Fixtures.Key key = Fixtures.writeKey();

    @Test
    void theTierComesFromEarnedPointsLifetimeOrTheLastTwelveMonths() {
        long member = Fixtures.newMember();
        Fixtures.insertLot(member, "earn", 12_000, Fixtures.now().minus(Duration.ofDays(400)), null);
        Fixtures.insertLot(member, "earn", 6_000, Fixtures.now().minus(Duration.ofDays(10)), null);
        Api.post("/redeem", key, "{\"user_id\": " + member + ", \"points\": 17000}")
                .assertOk();
        JsonObject lifetime = Api.get("/balance/" + member, key).assertOk();
        assertEquals("silver", lifetime.getJsonObject("tier").getString("key"), "18,000 earned, never the balance");
        assertEquals(2_000, lifetime.getJsonObject("tier").getInt("points_to_next"));
        try {
            Fixtures.setSetting("tier_basis", "rolling12");
            JsonObject rolling = Api.get("/balance/" + member, key).assertOk();
            assertEquals("bronze", rolling.getJsonObject("tier").getString("key"), "6,000 in the last 12 months");
            assertEquals(
                    1.1,
                    rolling.getJsonObject("tier").getJsonNumber("multiplier").doubleValue());
        } finally {
            Fixtures.setSetting("tier_basis", "lifetime");
        }
    }

    @Test
    void newMembersGetTheSignupBonusOnceWhicheverDoorTheyCameIn() {
        long viaEarn = 910_000_000L + System.nanoTime() % 1_000_000;
        long viaPut = viaEarn + 1_000_000;
        try {
            Fixtures.setSetting("signup_bonus", "50");
            JsonObject earned = Api.post("/earn", key, "{\"user_id\": " + viaEarn + ", \"points\": 10}")
                    .assertOk();
            assertEquals(60, earned.getInt("new_balance"));
            Api.post("/earn", key, "{\"user_id\": " + viaEarn + ", \"points\": 10}")
                    .assertOk();
            assertEquals(70, Ledger.assertInvariant(viaEarn), "the bonus came once");
            Api.send(Api.request(Api.PREFIX + "/members/" + viaPut)
                            .header("Authorization", Api.basic(key.consumerKey(), key.consumerSecret()))
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"display_name\": \"New\"}"))
                            .build())
                    .assertOk();
            assertEquals(50, Ledger.assertInvariant(viaPut));
        } finally {
            Fixtures.setSetting("signup_bonus", "0");
        }
        long existing = Fixtures.newMember();
        Api.post("/earn", key, "{\"user_id\": " + existing + ", \"points\": 10}")
                .assertOk();
        assertEquals(10, Ledger.assertInvariant(existing), "existing members and a bonus of 0 get nothing");
    }
}
