package com.twork.points.rule.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Reply;
import com.twork.points.it.Session;
import com.twork.points.it.SharedServer;
import com.twork.points.it.WooWebhooks;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Earning rules through the wire: staff CRUD with validation, versions, preview, and order webhooks awarded by the
 * rules with a stored breakdown, refunds by line and caps across concurrent orders of one member. Every rule here
 * covers only this class's own products, so other suites on the shared server earn as before; all are ended after.
 */
@ExtendWith(SharedServer.class)
class RulesIT {
    private static final String SECRET = "woo-secret-for-rules";
    private static final DateTimeFormatter WOO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final AtomicLong IDS =
            new AtomicLong(7_000_000_000L + System.currentTimeMillis() % 1_000_000 * 1000);

    private final long coffee = IDS.incrementAndGet();
    private final long machine = IDS.incrementAndGet();
    private final long coffeeCategory = IDS.incrementAndGet();
    private final List<Long> created = new ArrayList<>();
    private LocalDateTime modified = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
    private Session manager;

    @BeforeEach
    void catalogAndStaff() {
        Fixtures.setSetting("webhook_secret", SECRET);
        Fixtures.update(
                "INSERT INTO product_category_name (category_id, name, slug, updated_at) VALUES (?, 'Coffee',"
                        + " 'coffee', UTC_TIMESTAMP(6))",
                coffeeCategory);
        Fixtures.update(
                "INSERT INTO product (product_id, sku, name, updated_at) VALUES (?, ?, 'Beans', UTC_TIMESTAMP(6))",
                coffee,
                "BEAN-" + coffee);
        Fixtures.update("INSERT INTO product_category (product_id, category_id) VALUES (?, ?)", coffee, coffeeCategory);
        Fixtures.update(
                "INSERT INTO product (product_id, sku, name, updated_at) VALUES (?, ?, 'Espresso machine',"
                        + " UTC_TIMESTAMP(6))",
                machine,
                "ESP-" + machine);
        String login = "rules-" + UUID.randomUUID();
        Fixtures.newAccount(login, "a long password for rules", "MANAGER", null);
        manager = Session.login(login, "a long password for rules");
    }

    @AfterEach
    void endOwnRules() {
        for (long id : created) {
            send("POST", "/rules/" + id + "/end", null);
        }
        Fixtures.setSetting("webhook_secret", "");
    }

    @Test
    void staffCreateEditPauseAndEndRulesWithReadableRefusals() {
        long rulesBefore = Fixtures.count("SELECT COUNT(*) FROM earning_rule_version");
        JsonObject unknown = send(
                        "POST",
                        "/rules",
                        rule("Ghost", "multiplier", "2", categories(coffeeCategory, 999_999_999_999L), 5)
                                .build())
                .assertError(400, "invalid_rule");
        assertTrue(unknown.getString("message").contains("Unknown category: 999999999999"), unknown.toString());
        JsonObject backwards = send(
                        "POST",
                        "/rules",
                        rule("Backwards", "multiplier", "2", categories(coffeeCategory), 5)
                                .add("starts_at", "2026-07-10 00:00:00")
                                .add("ends_at", "2026-07-01 00:00:00")
                                .build())
                .assertError(400, "invalid_rule");
        assertTrue(
                backwards.getJsonObject("data").getJsonObject("params").containsKey("ends_at"), backwards.toString());
        JsonObject tinyCap = send(
                        "POST",
                        "/rules",
                        rule("Machine bonus", "bonus_per_item", "50", products(machine), 5)
                                .add("caps", Json.createObjectBuilder().add("per_order", 30))
                                .build())
                .assertError(400, "invalid_rule");
        assertTrue(tinyCap.getString("message").contains("below one award"), tinyCap.toString());
        assertEquals(rulesBefore, Fixtures.count("SELECT COUNT(*) FROM earning_rule_version"), "nothing stored");

        JsonObject made = create(rule("Summer coffee", "multiplier", "2", categories(coffeeCategory), 7)
                .add("starts_at", "2026-07-01 00:00:00")
                .add("ends_at", "2026-09-01 00:00:00"));
        assertEquals(1, made.getInt("version"));
        assertEquals("active", made.getString("status"));
        assertEquals("2026-09-01 00:00:00", made.getString("ends_at"));
        JsonObject twin = send(
                        "POST",
                        "/rules",
                        rule("Twin", "multiplier", "3", categories(coffeeCategory), 7)
                                .build())
                .assertError(400, "invalid_rule");
        assertTrue(twin.getString("message").contains("same priority"), twin.toString());

        long id = made.getJsonNumber("id").longValueExact();
        JsonObject edited = send(
                        "PUT",
                        "/rules/" + id,
                        rule("Summer coffee", "multiplier", "3", categories(coffeeCategory), 7)
                                .build())
                .assertOk();
        assertEquals(2, edited.getInt("version"));
        assertEquals("3", edited.getJsonObject("effect").getString("amount"));
        assertEquals(
                "paused",
                send("POST", "/rules/" + id + "/pause", null).assertOk().getString("status"));
        assertEquals(
                "active",
                send("POST", "/rules/" + id + "/resume", null).assertOk().getString("status"));
        assertEquals(
                "ended", send("POST", "/rules/" + id + "/end", null).assertOk().getString("status"));
        send(
                        "PUT",
                        "/rules/" + id,
                        rule("Again", "multiplier", "2", categories(coffeeCategory), 7)
                                .build())
                .assertError(409, "rule_ended");
        send("GET", "/rules/999999999999", null).assertError(404, "rule_not_found");
        assertTrue(send("GET", "/rules", null).assertOk().getJsonArray("rules").stream()
                .anyMatch(rule -> rule.asJsonObject().getJsonNumber("id").longValueExact() == id));
        Api.get("/rules", Fixtures.writeKey()).assertError(403, "rest_forbidden_permission");
    }

    @Test
    void anOrderIsAwardedByTheRulesExplainedAndRefundedByLineWithWhatItEarnedThen() {
        JsonObject rule = create(rule("Double coffee", "multiplier", "2", categories(coffeeCategory), 11));
        long member = Fixtures.newMember();
        long orderId = IDS.incrementAndGet();
        long unknownProduct = IDS.incrementAndGet();
        JsonArrayBuilder lines = lines(unknownProduct);
        String preview = order(orderId, member, "completed", "34.00", lines(unknownProduct), Json.createArrayBuilder());
        long entries = Fixtures.count("SELECT COUNT(*) FROM order_award_entry");
        JsonObject previewed = send(
                        "POST",
                        "/rules/preview",
                        Json.createReader(new java.io.StringReader(preview)).readObject())
                .assertOk();
        assertEquals(58, previewed.getInt("points"), previewed.toString());
        assertEquals(entries, Fixtures.count("SELECT COUNT(*) FROM order_award_entry"), "a preview writes nothing");
        send(
                        "POST",
                        "/rules/preview",
                        Json.createObjectBuilder().add("total", "3").build())
                .assertError(400, "invalid_order");

        String awarded =
                deliver(order(orderId, member, "completed", "34.00", lines(unknownProduct), Json.createArrayBuilder()));
        assertEquals(58, balance(member), "coffee 24 × 2, the unknown product 10 at the default rate: " + awarded);
        assertTrue(
                Api.send(Api.request("/metrics").GET().build()).body().contains("twork_unknown_product_lines"),
                "the unknown product is counted");
        Api.post("/earn", Fixtures.writeKey(), "{\"user_id\": " + member + ", \"points\": 5}")
                .assertOk();
        JsonArray history = Api.get("/transactions/" + member, Fixtures.writeKey())
                .assertOk()
                .getJsonArray("transactions");
        JsonObject award = history.stream()
                .map(JsonValue::asJsonObject)
                .filter(row -> row.containsKey("breakdown"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no breakdown in " + history));
        assertEquals(JsonValue.ValueType.STRING, award.get("id").getValueType());
        assertEquals(JsonValue.ValueType.NUMBER, award.get("points").getValueType());
        assertTrue(
                award.getJsonArray("breakdown").stream()
                        .map(JsonValue::asJsonObject)
                        .anyMatch(entry ->
                                entry.getString("label").equals("2× Double coffee") && entry.getInt("points") == 24),
                award.toString());
        assertEquals(
                1,
                history.stream()
                        .filter(row -> !row.asJsonObject().containsKey("breakdown"))
                        .count(),
                "a row that is not an order award keeps exactly the app's keys");
        Api.post("/redeem", Fixtures.writeKey(), "{\"user_id\": " + member + ", \"points\": 5}")
                .assertOk();
        assertEquals(
                24,
                Fixtures.count(
                        "SELECT points FROM order_award_entry WHERE order_id = ? AND rule_id = ?",
                        String.valueOf(orderId),
                        rule.getJsonNumber("id").longValueExact()));

        // The rule changes to ×5; a refund of half the coffee line takes back half of what the line earned then.
        send(
                        "PUT",
                        "/rules/" + rule.getJsonNumber("id").longValueExact(),
                        rule("Double coffee", "multiplier", "5", categories(coffeeCategory), 11)
                                .build())
                .assertOk();
        JsonArrayBuilder refund = Json.createArrayBuilder()
                .add(Json.createObjectBuilder()
                        .add("id", IDS.incrementAndGet())
                        .add("total", "-12.00")
                        .add(
                                "line_items",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("refunded_item_id", "1")
                                                .add("total", "-12.00"))));
        deliver(order(orderId, member, "completed", "34.00", lines(unknownProduct), refund));
        assertEquals(58 - 24, balance(member));
        deliver(order(orderId, member, "cancelled", "34.00", lines(unknownProduct), Json.createArrayBuilder()));
        assertEquals(0, balance(member));
        assertEquals(
                0,
                Fixtures.count(
                        "SELECT COALESCE(SUM(points - reversed), 0) FROM order_award_entry" + " WHERE order_id = ?",
                        String.valueOf(orderId)));
    }

    @Test
    void capsHoldAcrossConcurrentOrdersOfOneMember() throws Exception {
        create(rule("Machine day bonus", "bonus_per_order", "100", products(machine), 3)
                .add("caps", Json.createObjectBuilder().add("per_member_per_day", 250)));
        long member = Fixtures.newMember();
        int orders = 6;
        ExecutorService pool = Executors.newFixedThreadPool(orders);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                String body = order(
                        IDS.incrementAndGet(),
                        member,
                        "completed",
                        "1.00",
                        Json.createArrayBuilder().add(line(1, machine, 1, "1.00")),
                        Json.createArrayBuilder());
                sent.add(pool.submit(() -> deliver(body)));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(orders + 250, balance(member), "6 × 1 point plus at most 250 of bonus in one day");
    }

    @Test
    void whatWouldThisHaveCostOverAHundredThousandPastOrders() {
        long firstTransaction = 9_000_000_000_000_000L + IDS.incrementAndGet() * 1_000_000L % 1_000_000_000_000L;
        int orders = 100_000;
        int members = 2_000;
        long firstMember = 960_000_000L;
        // Two lines per order: coffee (2 units, 10.00, 10 points) and the espresso machine (1 unit, 5.00, 5 points).
        // The member's tier then: a quarter gold (× 1.3), half basic, a quarter not recorded (awards before V18).
        Fixtures.update(
                "INSERT INTO order_award_entry (transaction_id, order_id, user_id, line_key, rule_id,"
                        + " rule_version, label, points, award_day, awarded_at, product_id, quantity, amount,"
                        + " tier_key, tier_multiplier)"
                        + " SELECT ? + s.seq, CONCAT('dry-', ? + s.seq), ? + MOD(s.seq, ?), l.line_key, 0, 0, 'Base rate',"
                        + " l.points, DATE_ADD('2025-03-01', INTERVAL MOD(s.seq, 28) DAY),"
                        + " TIMESTAMP(DATE_ADD('2025-03-01', INTERVAL MOD(s.seq, 28) DAY), '12:00:00'), l.product_id,"
                        + " l.quantity, l.amount, ELT(MOD(s.seq, 4) + 1, NULL, 'gold', 'basic', 'basic'),"
                        + " ELT(MOD(s.seq, 4) + 1, NULL, 1.3, 1, 1)"
                        + " FROM seq_1_to_100000 s CROSS JOIN (SELECT '1' AS line_key, ? AS product_id,"
                        + " 2 AS quantity, 10.00 AS amount, 10 AS points UNION ALL SELECT '2', ?, 1, 5.00, 5) l",
                firstTransaction,
                firstTransaction,
                firstMember,
                members,
                coffee,
                machine);
        try {
            JsonObject uncapped = dryRun(rule("Triple coffee", "multiplier", "3", categories(coffeeCategory), 1));
            assertEquals(orders * 20L, uncapped.getJsonNumber("extra_points").longValueExact(), uncapped.toString());
            assertEquals(members, uncapped.getInt("members_reached"));
            assertEquals(orders, uncapped.getInt("orders_reached"));
            assertEquals("20000.00", uncapped.getString("liability"), "2,000,000 points at 100 points per unit");

            // The same rule with a per-day cap of 50 per member: what each member could get, day by day.
            long expected = 0;
            java.util.Map<String, Long> perMemberDay = new java.util.HashMap<>();
            for (int n = 1; n <= orders; n++) {
                perMemberDay.merge((n % members) + "/" + (n % 28), 20L, Long::sum);
            }
            for (long day : perMemberDay.values()) {
                expected += Math.min(day, 50);
            }
            JsonObject capped = dryRun(rule("Triple coffee", "multiplier", "3", categories(coffeeCategory), 1)
                    .add("caps", Json.createObjectBuilder().add("per_member_per_day", 50)));
            assertEquals(expected, capped.getJsonNumber("extra_points").longValueExact(), capped.toString());

            // A rule for gold members reaches the gold orders and those whose tier was not recorded (a quarter
            // each; members 0-3 mod 4 order only in their own quarter, the member count is 2,000 = 4 × 500).
            JsonObject gold = dryRun(rule("Triple coffee", "multiplier", "3", categories(coffeeCategory), 1)
                    .add("tiers", Json.createArrayBuilder().add("gold")));
            assertEquals(orders / 2 * 20L, gold.getJsonNumber("extra_points").longValueExact(), gold.toString());
            assertEquals(orders / 2, gold.getInt("orders_reached"));
            assertEquals(members / 2, gold.getInt("members_reached"));
            // Points per unit earn the tier multiplier of the time: 2 × 7 × 1.3 - 10 = 8.2 → 8 per gold order,
            // 2 × 7 × 1 - 10 = 4 per order without a recorded tier.
            JsonObject perUnit = dryRun(rule("Coffee by the bag", "points_per_unit", "7", categories(coffeeCategory), 1)
                    .add("tiers", Json.createArrayBuilder().add("gold")));
            assertEquals(
                    orders / 4 * 8L + orders / 4 * 4L,
                    perUnit.getJsonNumber("extra_points").longValueExact(),
                    perUnit.toString());

            JsonObject machineBonus = dryRun(rule("Machine bonus", "bonus_per_order", "7", products(machine), 1)
                    .add("min_order_value", "15"));
            assertEquals(orders * 7L, machineBonus.getJsonNumber("extra_points").longValueExact());
            JsonObject tooSmall = dryRun(rule("Machine bonus", "bonus_per_order", "7", products(machine), 1)
                    .add("min_order_value", "15.01"));
            assertEquals(0, tooSmall.getJsonNumber("extra_points").longValueExact(), "orders are 15.00");
        } finally {
            Fixtures.update(
                    "DELETE FROM order_award_entry WHERE transaction_id BETWEEN ? AND ?",
                    firstTransaction,
                    firstTransaction + orders);
        }
    }

    private JsonObject dryRun(JsonObjectBuilder rule) {
        return send(
                        "POST",
                        "/rules/dry-run",
                        Json.createObjectBuilder()
                                .add("rule", rule)
                                .add("from", "2025-03-01")
                                .add("to", "2025-03-28")
                                .build())
                .assertOk();
    }

    private JsonObject create(JsonObjectBuilder rule) {
        JsonObject made = send("POST", "/rules", rule.build()).assertOk();
        created.add(made.getJsonNumber("id").longValueExact());
        return made;
    }

    private Reply send(String method, String path, JsonObject body) {
        HttpRequest.Builder request = manager.request(path).header("Content-Type", "application/json");
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString());
        Reply reply = Api.send(request.method(method, publisher).build());
        reply.header("X-WP-Nonce").ifPresent(nonce -> manager.nonce = nonce);
        return reply;
    }

    private static JsonObjectBuilder rule(String name, String kind, String amount, JsonObject scope, int priority) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("priority", priority)
                .add("scope", scope)
                .add("effect", Json.createObjectBuilder().add("kind", kind).add("amount", amount));
    }

    private static JsonObject categories(long... ids) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (long id : ids) {
            list.add(id);
        }
        return Json.createObjectBuilder().add("categories", list).build();
    }

    private static JsonObject products(long... ids) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (long id : ids) {
            list.add(id);
        }
        return Json.createObjectBuilder().add("products", list).build();
    }

    /** A fresh builder each time: a JSON-P builder is empty once built. */
    private JsonArrayBuilder lines(long unknownProduct) {
        return Json.createArrayBuilder().add(line(1, coffee, 2, "24.00")).add(line(2, unknownProduct, 1, "10.00"));
    }

    private static JsonObjectBuilder line(long id, long product, int quantity, String total) {
        return WooWebhooks.line(id, product, quantity, total);
    }

    private synchronized String order(
            long orderId,
            long customer,
            String status,
            String total,
            JsonArrayBuilder lines,
            JsonArrayBuilder refunds) {
        modified = modified.plusSeconds(1);
        return Json.createObjectBuilder()
                .add("id", orderId)
                .add("status", status)
                .add("customer_id", customer)
                .add("total", total)
                .add("total_tax", "0.00")
                .add("shipping_total", "0.00")
                .add("line_items", lines)
                .add("refunds", refunds)
                .add("date_modified_gmt", WOO.format(modified))
                .build()
                .toString();
    }

    private static String deliver(String body) {
        JsonObject receipt = WooWebhooks.deliver(
                        "order.updated", UUID.randomUUID().toString(), body, WooWebhooks.sign(SECRET, body))
                .assertOk();
        assertEquals("applied", receipt.getString("outcome"), receipt.toString());
        return receipt.toString();
    }

    private long balance(long member) {
        return Api.get("/balance/" + member, Fixtures.writeKey())
                .assertOk()
                .getJsonNumber("current_balance")
                .longValueExact();
    }
}
