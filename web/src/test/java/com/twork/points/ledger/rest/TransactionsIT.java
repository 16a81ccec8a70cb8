package com.twork.points.ledger.rest;

import static com.twork.points.it.Fixtures.insertRow;
import static com.twork.points.it.Fixtures.newMember;
import static com.twork.points.it.Fixtures.now;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.SharedServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class TransactionsIT {
    private final Fixtures.Key key = Fixtures.newKey("read");

    @Test
    void rowsHaveTheTypesTheAppInsistsOn() {
        long userId = newMember();
        long id = insertRow(userId, "redeem", 25, null, null, now(), null, "available");

        JsonObject page = Api.get("/transactions/" + userId, key).assertOk();
        JsonObject row = page.getJsonArray("transactions").getJsonObject(0);

        assertEquals(JsonValue.ValueType.STRING, row.get("id").getValueType());
        assertEquals(Long.toString(id), row.getString("id"));
        assertEquals(JsonValue.ValueType.STRING, row.get("user_id").getValueType());
        assertEquals(Long.toString(userId), row.getString("user_id"));
        assertEquals("redeem", row.getString("type"));
        assertEquals(JsonValue.ValueType.NUMBER, row.get("points").getValueType());
        assertEquals(25, row.getInt("points"));
        assertEquals(JsonValue.NULL, row.get("description"), "null keys are present");
        assertEquals(JsonValue.NULL, row.get("order_id"));
        assertEquals(JsonValue.NULL, row.get("expires_at"));
        assertEquals(JsonValue.FALSE, row.get("is_expired"), "is_expired is a JSON boolean");
        assertTrue(row.getString("created_at").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"));
        assertEquals(1, page.getInt("total"));
        assertEquals(1, page.getInt("page"));
        assertEquals(20, page.getInt("per_page"));
        assertEquals(1, page.getInt("total_pages"));
    }

    @Test
    void expiredRowsAreFlaggedAtReadTime() {
        long userId = newMember();
        insertRow(
                userId,
                "earn",
                5,
                "old",
                "WC-1",
                now().minus(Duration.ofDays(3)),
                now().minus(Duration.ofDays(1)),
                "available");
        JsonObject row = Api.get("/transactions/" + userId, key)
                .assertOk()
                .getJsonArray("transactions")
                .getJsonObject(0);
        assertEquals(JsonValue.TRUE, row.get("is_expired"));
        assertEquals("WC-1", row.getString("order_id"), "order ids are shown as sent");
    }

    @Test
    void pagesAreStableNewestFirstWithTiesBrokenById() {
        long userId = newMember();
        Instant sameMoment = now().minus(Duration.ofHours(1));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(insertRow(userId, "earn", i + 1, "row " + i, null, sameMoment, null, "available"));
        }
        insertRow(userId, "earn", 999, "newest", null, now(), null, "available");

        JsonObject first = Api.get("/transactions/" + userId, key).assertOk();
        JsonObject second = Api.get("/transactions/" + userId + "?page=2", key).assertOk();

        assertEquals(26, first.getInt("total"));
        assertEquals(2, first.getInt("total_pages"));
        assertEquals(20, first.getJsonArray("transactions").size());
        assertEquals(6, second.getJsonArray("transactions").size());
        assertEquals(
                "newest", first.getJsonArray("transactions").getJsonObject(0).getString("description"));
        List<Long> listed = new ArrayList<>();
        for (JsonObject page : List.of(first, second)) {
            page.getJsonArray("transactions")
                    .forEach(row -> listed.add(Long.parseLong(row.asJsonObject().getString("id"))));
        }
        List<Long> expected = new ArrayList<>(ids);
        expected.sort((a, b) -> Long.compare(b, a));
        assertEquals(expected, listed.subList(1, listed.size()), "ties on created_at come newest id first, no overlap");

        JsonArray ascending = Api.get("/transactions/" + userId + "?order=asc&per_page=3", key)
                .assertOk()
                .getJsonArray("transactions");
        assertEquals(Long.toString(ids.get(0)), ascending.getJsonObject(0).getString("id"));
        assertEquals(Long.toString(ids.get(1)), ascending.getJsonObject(1).getString("id"));
    }

    @Test
    void deepPagesReadByIdFirstListEveryRowOnceInOrderInBothDirections() {
        long userId = newMember();
        Instant start = now().minus(Duration.ofDays(30));
        List<Long> available = new ArrayList<>();
        for (int i = 0; i < 260; i++) {
            // Pairs of rows share a moment (ties broken by id); every seventh row is void and never listed.
            Instant at = start.plus(Duration.ofMinutes(i / 2));
            String status = i % 7 == 3 ? "void" : "available";
            long id = insertRow(userId, "earn", i + 1, "row " + i, null, at, null, status);
            if (status.equals("available")) {
                available.add(id);
            }
        }
        List<Long> newestFirst = new ArrayList<>(available);
        Collections.reverse(newestFirst);

        for (String order : List.of("desc", "asc")) {
            List<Long> listed = new ArrayList<>();
            for (int page = 1; page <= 12; page++) {
                JsonObject body = Api.get(
                                "/transactions/" + userId + "?per_page=20&order=" + order + "&page=" + page, key)
                        .assertOk();
                assertEquals(available.size(), body.getInt("total"));
                body.getJsonArray("transactions")
                        .forEach(row ->
                                listed.add(Long.parseLong(row.asJsonObject().getString("id"))));
            }
            assertEquals(
                    order.equals("desc") ? newestFirst : available,
                    listed,
                    order + ": pages past offset 100 (ids first, then the rows) continue the first pages exactly");
        }
    }

    @Test
    void perPageZeroMeansTheDefaultAndLargeValuesAreClamped() {
        long userId = newMember();
        for (int i = 0; i < 105; i++) {
            insertRow(userId, "earn", 1, null, null, now(), null, "available");
        }
        assertEquals(
                20,
                Api.get("/transactions/" + userId + "?per_page=0", key)
                        .assertOk()
                        .getInt("per_page"));
        JsonObject clamped =
                Api.get("/transactions/" + userId + "?per_page=500", key).assertOk();
        assertEquals(100, clamped.getInt("per_page"));
        assertEquals(100, clamped.getJsonArray("transactions").size());
        assertEquals(2, clamped.getInt("total_pages"));
        JsonObject beyond = Api.get("/transactions/" + userId + "?page=50", key).assertOk();
        assertEquals(0, beyond.getJsonArray("transactions").size());
        assertEquals(105, beyond.getInt("total"));
    }

    @Test
    void badQueryParametersAreNamedInOne400() {
        long userId = newMember();
        JsonObject error = Api.get(
                        "/transactions/" + userId + "?page=-1&per_page=abc&type=gift&order=up&from=soon", key)
                .assertError(400, "rest_invalid_param");
        JsonObject params = error.getJsonObject("data").getJsonObject("params");
        for (String name : List.of("page", "per_page", "type", "order", "from")) {
            assertTrue(params.containsKey(name), name + " in " + params);
        }
        Api.get("/transactions/" + userId + "?per_page=1.5", key).assertError(400, "rest_invalid_param");
        assertEquals(
                0,
                Api.get("/transactions/" + userId + "?page=99999999999&per_page=99999999999999", key)
                        .assertOk()
                        .getJsonArray("transactions")
                        .size(),
                "huge values are not errors: the page is past the end and per_page is clamped");
        Api.get("/transactions/" + userId + "?status=gone", key).assertError(400, "rest_invalid_param");
    }

    @Test
    void pendingAndVoidRowsAreHiddenUnlessAskedFor() {
        long userId = newMember();
        insertRow(userId, "earn", 1, "available", null, now(), null, "available");
        insertRow(userId, "earn", 2, "pending", null, now(), null, "pending");
        insertRow(userId, "earn", 3, "void", null, now(), null, "void");

        assertEquals(1, Api.get("/transactions/" + userId, key).assertOk().getInt("total"));
        assertEquals(
                3,
                Api.get("/transactions/" + userId + "?status=all", key)
                        .assertOk()
                        .getInt("total"));
        assertEquals(
                2,
                Api.get("/transactions/" + userId + "?status=pending,void", key)
                        .assertOk()
                        .getInt("total"));
    }

    @Test
    void filtersByTypeSearchOrderAndDates() {
        long userId = newMember();
        insertRow(userId, "earn", 10, "Order bonus", "WC-77", now().minus(Duration.ofDays(10)), null, "available");
        insertRow(userId, "redeem", 5, "Coffee", null, now().minus(Duration.ofDays(5)), null, "available");
        insertRow(userId, "referral", 50, "Friend 100% happy", null, now(), null, "available");

        assertEquals(
                1,
                Api.get("/transactions/" + userId + "?type=redeem", key)
                        .assertOk()
                        .getInt("total"));
        assertEquals(
                1,
                Api.get("/transactions/" + userId + "?order_id=77", key)
                        .assertOk()
                        .getInt("total"),
                "77 and WC-77 are one order");
        assertEquals(
                1,
                Api.get("/transactions/" + userId + "?search=coffee", key)
                        .assertOk()
                        .getInt("total"));
        assertEquals(
                1,
                Api.get("/transactions/" + userId + "?search=100%25", key)
                        .assertOk()
                        .getInt("total"),
                "LIKE wildcards in the search are literal");
        assertEquals(
                1,
                Api.get("/transactions/" + userId + "?search=WC-7", key)
                        .assertOk()
                        .getInt("total"));
        String from = now().minus(Duration.ofDays(6)).toString();
        String to = now().minus(Duration.ofDays(1)).toString();
        JsonObject window = Api.get("/transactions/" + userId + "?from=" + from + "&to=" + to, key)
                .assertOk();
        assertEquals(1, window.getInt("total"));
        assertEquals(
                "Coffee", window.getJsonArray("transactions").getJsonObject(0).getString("description"));
    }

    @Test
    void theUserIdInThePathWins() {
        long owner = newMember();
        long other = newMember();
        insertRow(owner, "earn", 7, "mine", null, now(), null, "available");
        insertRow(other, "earn", 8, "theirs", null, now(), null, "available");

        JsonObject page =
                Api.get("/transactions/" + owner + "?user_id=" + other, key).assertOk();

        assertEquals(1, page.getInt("total"));
        assertEquals("mine", page.getJsonArray("transactions").getJsonObject(0).getString("description"));
    }
}
