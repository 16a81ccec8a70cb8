package com.twork.points.member.rest;

import static com.twork.points.it.Fixtures.count;
import static com.twork.points.it.Fixtures.newMember;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Reply;
import com.twork.points.it.SharedServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class MembersIT {
    private final Fixtures.Key key = Fixtures.writeKey();

    private Reply put(long userId, Fixtures.Key as, String json) {
        return Api.send(Api.request(Api.PREFIX + "/members/" + userId)
                .header("Authorization", Api.basic(as.consumerKey(), as.consumerSecret()))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    @Test
    void putCreatesThenUpdatesAndGetReadsBack() {
        long userId = 800_000_000L + System.nanoTime() % 1_000_000;
        JsonObject created = put(
                        userId,
                        key,
                        "{\"email\": \"ana@example.test\", \"display_name\": \"Ana\","
                                + " \"birthday\": \"1990-05-17\"}")
                .assertOk();
        assertEquals(userId, created.getJsonNumber("user_id").longValueExact());
        assertEquals("ana@example.test", created.getString("email"));
        assertEquals("active", created.getString("status"));
        assertEquals("1990-05-17", created.getString("birthday"));
        assertTrue(created.getString("created_at").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"));

        JsonObject updated = put(userId, key, "{\"status\": \"inactive\", \"birthday\": null}")
                .assertOk();
        assertEquals("inactive", updated.getString("status"));
        assertEquals("Ana", updated.getString("display_name"), "fields not sent stay");
        assertEquals(JsonValue.NULL, updated.get("birthday"));

        JsonObject read = Api.get("/members/" + userId, key).assertOk();
        assertEquals(updated, read);
        Api.get("/balance/" + userId, key).assertError(403, "rest_user_inactive");
        assertEquals(1, count("SELECT COUNT(*) FROM member WHERE user_id = ?", userId));
    }

    @Test
    void badFieldsAreNamedAndChangeNothing() {
        long userId = newMember();
        String before = Fixtures.text(
                "SELECT CONCAT_WS('|', email, display_name, status) FROM member WHERE user_id = ?", userId);
        JsonObject error = put(
                        userId,
                        key,
                        "{\"email\": \"not-an-email\", \"status\": \"gone\", \"birthday\": \"17/05/1990\","
                                + " \"display_name\": 42}")
                .assertError(400, "rest_invalid_param");
        JsonObject params = error.getJsonObject("data").getJsonObject("params");
        for (String field : new String[] {"email", "status", "birthday", "display_name"}) {
            assertTrue(params.containsKey(field), field + " in " + params);
        }
        assertEquals(
                before,
                Fixtures.text(
                        "SELECT CONCAT_WS('|', email, display_name, status) FROM member" + " WHERE user_id = ?",
                        userId));
    }

    @Test
    void readKeysReadAndOnlyWriteKeysWrite() {
        long userId = newMember();
        Api.get("/members/" + userId, Fixtures.newKey("read")).assertOk();
        put(userId, Fixtures.newKey("read"), "{\"display_name\": \"X\"}").assertError(403, "rest_forbidden_permission");
        Api.get("/members/999999999993", key).assertError(404, "rest_invalid_user");
        Api.get("/members/abc", key).assertError(404, "rest_no_route");
    }
}
