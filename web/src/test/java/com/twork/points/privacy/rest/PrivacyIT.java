package com.twork.points.privacy.rest;

import static com.twork.points.it.Fixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.audit.control.AuditChain;
import com.twork.points.it.Api;
import com.twork.points.it.ConsoleVisitor;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.Reply;
import com.twork.points.it.Session;
import com.twork.points.it.SharedServer;
import com.twork.points.it.WooWebhooks;
import com.twork.points.launcher.server.AuditChainCheck;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A customer's data rights (issue 18, docs/privacy.md) over HTTP against the shared server: the export covers every
 * table that refers to a member (checked against the schema), erasure leaves no personal value in any text column or
 * log file yet keeps the books, the audit chain still verifies, a concurrent earn either lands before the erasure
 * (and is scrubbed) or is refused, the customer.deleted webhook erases only when told to, and retention deletes only
 * what is older than its setting.
 */
@ExtendWith(SharedServer.class)
class PrivacyIT {
    private static final String PASSWORD = "privacy-password-1";
    private static final String SECRET = "privacy-webhook-secret";
    private static final AtomicLong ORDER_IDS = new AtomicLong(700_000 + System.currentTimeMillis() % 100_000 * 10);
    private final Fixtures.Key key = Fixtures.writeKey();

    @BeforeEach
    void configureWebhooks() {
        Fixtures.setSetting("webhook_secret", SECRET);
    }

    @AfterEach
    void resetSettings() {
        Fixtures.setSetting("webhook_secret", "");
        Fixtures.setSetting("erase_on_customer_deleted", "false");
    }

    private static Session staff(String role) {
        String login = "priv-" + role.toLowerCase() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.newAccount(login, PASSWORD, role, null);
        return Session.login(login, PASSWORD);
    }

    private static Reply erase(Session admin, long member, String body) {
        return Api.send(admin.request("/members/" + member + "/erase")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static Reply export(Session session, long member) {
        return Api.send(session.request("/members/" + member + "/export").GET().build());
    }

    private Reply earn(long member, int points, String description, String idempotencyKey) {
        HttpRequest.Builder request = Api.request(Api.PREFIX + "/earn")
                .header("Authorization", Api.basic(key.consumerKey(), key.consumerSecret()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("user_id", member)
                        .add("points", points)
                        .add("description", description)
                        .build()
                        .toString()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return Api.send(request.build());
    }

    private static Reply deliver(String topic, JsonObject payload) {
        String body = payload.toString();
        return Api.send(Api.request(Api.PREFIX + "/webhooks/woocommerce")
                .header("Content-Type", "application/json")
                .header("X-WC-Webhook-Topic", topic)
                .header("X-WC-Webhook-Delivery-ID", UUID.randomUUID().toString())
                .header("X-WC-Webhook-Signature", sign(body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static String sign(String body) {
        return WooWebhooks.sign(SECRET, body);
    }

    private static JsonObject order(long orderId, long member, String status, String marker) {
        return Json.createObjectBuilder()
                .add("id", orderId)
                .add("status", status)
                .add("customer_id", member)
                .add("total", "80.00")
                .add("total_tax", "0.00")
                .add("shipping_total", "0.00")
                .add("refunds", Json.createArrayBuilder())
                .add(
                        "date_modified_gmt",
                        java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                                .withNano(0)
                                .toString())
                .add(
                        "billing",
                        Json.createObjectBuilder()
                                .add("first_name", marker)
                                .add("address_1", marker + " Street 1")
                                .add("email", marker + "@example.test"))
                .build();
    }

    /**
     * A member with something in every place the export reads: earns and a redemption (lots, allocations), an
     * Idempotency-Key record, an order from a webhook, a customer login with its session, a staff adjustment with
     * its audit row. Every personal value and free text carries {@code marker}.
     */
    private long memberWithEverything(String marker, Session admin) {
        long member = Fixtures.newMember();
        Api.send(Api.request(Api.PREFIX + "/members/" + member)
                        .header("Authorization", Api.basic(key.consumerKey(), key.consumerSecret()))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + marker + "@example.test\","
                                + " \"display_name\": \"Ana " + marker + "\", \"birthday\": \"1990-05-17\"}"))
                        .build())
                .assertOk();
        earn(member, 300, "Coffee with " + marker, "idem-" + marker).assertOk();
        assertEquals(
                member,
                count("SELECT member_user_id FROM idempotency_record WHERE idempotency_key = ?", "idem-" + marker),
                "the stored answer knows its member");
        // A stored answer that carried a personal value (e.g. an echoed description).
        Fixtures.update(
                "UPDATE idempotency_record SET response_body = CONCAT(response_body, ?) WHERE idempotency_key = ?",
                " " + marker,
                "idem-" + marker);
        Api.send(Api.request(Api.PREFIX + "/redeem")
                        .header("Authorization", Api.basic(key.consumerKey(), key.consumerSecret()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\": " + member
                                + ", \"points\": 50, \"description\": \"Gift for " + marker + "\"}"))
                        .build())
                .assertOk();
        long orderId = ORDER_IDS.incrementAndGet();
        assertEquals(
                "applied",
                deliver("order.updated", order(orderId, member, "completed", marker))
                        .assertOk()
                        .getString("outcome"));
        JsonObject refunded = Json.createObjectBuilder(order(orderId, member, "completed", marker))
                .add(
                        "refunds",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("id", orderId + 1)
                                        .add("total", "-20.00")))
                .add(
                        "date_modified_gmt",
                        java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                                .withNano(0)
                                .plusSeconds(2)
                                .toString())
                .build();
        assertEquals("applied", deliver("order.updated", refunded).assertOk().getString("outcome"));
        assertEquals(
                "applied",
                deliver(
                                "customer.updated",
                                Json.createObjectBuilder()
                                        .add("id", member)
                                        .add("email", marker + "@example.test")
                                        .add("first_name", "Ana")
                                        .add("last_name", marker)
                                        .build())
                        .assertOk()
                        .getString("outcome"));
        String login = marker.toLowerCase() + "-login";
        Fixtures.newAccount(login, PASSWORD, "CUSTOMER", member);
        // A failed login first: a throttle window named after the login.
        Api.send(Api.request(Api.PREFIX + "/auth/login")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"login\": \"" + login + "\", \"password\": \"wrong\"}"))
                        .build())
                .assertError(401, "invalid_login");
        Session.login(login, PASSWORD);
        ConsoleVisitor console = new ConsoleVisitor();
        String staffLogin = "priv-console-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.newAccount(staffLogin, PASSWORD, "ADMIN", null);
        assertEquals(302, console.login(staffLogin, PASSWORD).statusCode());
        Map<String, String> adjust = new LinkedHashMap<>();
        adjust.put("adjust", "adjust");
        adjust.put("id", Long.toString(member));
        adjust.put("adjust:delta", "25");
        adjust.put("adjust:reason", "Goodwill, " + marker + " called");
        adjust.put("adjust:submit", "Adjust");
        adjust.put("jakarta.faces.ViewState", "stateless");
        adjust.put("_csrf", console.csrf("/admin/member.xhtml?id=" + member));
        assertEquals(302, console.post("/admin/member.xhtml", adjust).statusCode());
        // Failures whose text names the member or one of its personal values, as the jobs write them.
        Fixtures.update(
                "INSERT INTO failure_event (occurred_at, kind, detail) VALUES (UTC_TIMESTAMP(6), 'sync', ?),"
                        + " (UTC_TIMESTAMP(6), 'webhook', ?)",
                "Sync item of member " + member + " failed: " + marker,
                "Webhook customer.updated failed: " + marker + "@example.test is refused");
        return member;
    }

    @Test
    void theExportCoversEveryTableThatRefersToAMember() throws SQLException {
        Session admin = staff("ADMIN");
        String marker = marker("EXP");
        long member = memberWithEverything(marker, admin);

        Reply reply = export(admin, member);
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.header("Content-Disposition").orElse("").contains("attachment"));
        JsonObject document = reply.object();
        assertEquals("twork-points-member-export", document.getString("format"));
        assertEquals(1, document.getInt("version"));
        assertEquals(member, document.getJsonNumber("user_id").longValueExact());
        assertEquals(marker + "@example.test", document.getJsonObject("member").getString("email"));
        assertEquals("1990-05-17", document.getJsonObject("member").getString("birthday"));
        assertEquals(
                document.getJsonObject("account").getJsonNumber("balance").longValueExact(),
                Ledger.assertInvariant(member));
        assertTrue(document.getJsonObject("tier").containsKey("key"));

        Set<String> exported = new HashSet<>();
        document.getJsonObject("sources").forEach((section, table) -> {
            exported.add(((jakarta.json.JsonString) table).getString());
            JsonValue content = document.get(section);
            boolean empty = content == null
                    || content == JsonValue.NULL
                    || (content instanceof JsonArray array && array.isEmpty());
            assertFalse(empty, "section " + section + " of a member with data everywhere is empty");
        });
        Set<String> referring = tablesReferringToMembers();
        assertTrue(
                referring.contains("point_transaction") && referring.contains("login_session"), referring.toString());
        Set<String> missing = new HashSet<>(referring);
        missing.removeAll(exported);
        assertEquals(Set.of(), missing, "tables that refer to a member but are not in the export");

        JsonObject transaction = document.getJsonArray("transactions").getJsonObject(0);
        for (String field : List.of("id", "type", "points", "remaining", "status", "description", "created_at")) {
            assertTrue(transaction.containsKey(field), field);
        }
        assertTrue(transaction.getString("created_at").endsWith("Z"), "times in UTC");
        assertTrue(document.getJsonArray("audit").toString().contains(marker), "the adjustment's reason");
        assertTrue(document.getJsonArray("logins").toString().contains(marker.toLowerCase()), "the login");
        assertFalse(reply.body().contains("password_hash") || reply.body().contains("token_hash"), "never secrets");
        // Leaves nothing personal behind for the console's pages that other suites look at.
        erase(admin, member, "{\"reason\": \"export test done\"}").assertOk();
    }

    /** A value found nowhere else: a prefix and 48 random bits, short enough for any column and any page. */
    private static String marker(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /**
     * Every table with a column naming a member, or a foreign key to member, and (transitively) every table with a
     * foreign key to one of those: what the export must cover.
     */
    private static Set<String> tablesReferringToMembers() throws SQLException {
        Set<String> tables = new HashSet<>();
        try (Connection connection = Fixtures.connect()) {
            tables.addAll(strings(
                    connection,
                    "SELECT DISTINCT table_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                            + " AND column_name IN ('user_id', 'member_user_id', 'referred_user_id', 'customer_id')"));
            tables.addAll(strings(
                    connection,
                    "SELECT DISTINCT table_name FROM information_schema.key_column_usage WHERE table_schema = DATABASE()"
                            + " AND referenced_table_name = 'member'"));
            boolean grew = true;
            while (grew) {
                grew = false;
                for (String table : List.copyOf(tables)) {
                    for (String referring : strings(
                            connection,
                            "SELECT DISTINCT table_name FROM information_schema.key_column_usage WHERE table_schema ="
                                    + " DATABASE() AND referenced_table_name = '" + table + "'")) {
                        grew |= tables.add(referring);
                    }
                }
            }
        }
        return tables;
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** member, type, points, remaining, status and times of every row; allocations; the account's totals. */
    private static String books(long member) {
        return Fixtures.text(
                "SELECT CONCAT_WS('|', (SELECT GROUP_CONCAT(CONCAT_WS(',', id, type, points, remaining, status,"
                        + " uncollectable, created_at, COALESCE(expires_at, '-'), COALESCE(order_id, '-')) ORDER BY id"
                        + " SEPARATOR ';') FROM point_transaction WHERE user_id = ?),"
                        + " (SELECT GROUP_CONCAT(CONCAT_WS(',', a.debit_id, a.lot_id, a.points, a.restored) ORDER BY a.id"
                        + " SEPARATOR ';') FROM point_allocation a JOIN point_transaction t ON t.id = a.debit_id"
                        + " WHERE t.user_id = ?),"
                        + " (SELECT CONCAT_WS(',', balance, lifetime_earned, lifetime_redeemed, lifetime_expired, pending)"
                        + " FROM point_account WHERE user_id = ?),"
                        + " (SELECT GROUP_CONCAT(CONCAT_WS(',', order_id, status, awarded, reversed) ORDER BY order_id)"
                        + " FROM shop_order WHERE user_id = ?))",
                member,
                member,
                member,
                member);
    }

    @Test
    void erasureLeavesNoPersonalValueAnywhereAndKeepsTheBooks() throws Exception {
        Session admin = staff("ADMIN");
        String marker = marker("MRK");
        long member = memberWithEverything(marker, admin);
        assertTrue(occurrences(marker).size() >= 8, "the marker was planted: " + occurrences(marker));
        String books = books(member);
        long balance = Ledger.assertInvariant(member);
        long auditRows = count("SELECT COUNT(*) FROM audit_log");

        JsonObject erased = erase(admin, member, "{\"reason\": \"GDPR Art. 17 request, ticket 4711\"}")
                .assertOk();
        assertTrue(erased.getBoolean("success"));
        assertEquals("erased", erased.getString("status"));
        assertFalse(erased.getBoolean("already_erased"));
        long auditId = erased.getJsonNumber("audit_id").longValueExact();
        assertTrue(erased.getJsonObject("removed").getInt("audit_rows_redacted") >= 1, erased.toString());

        assertEquals(List.of(), occurrences(marker), "no table keeps the marker");
        assertEquals(List.of(), logFilesWith(marker), "no log file carries the marker");
        assertEquals(books, books(member), "amounts, types, dates, lots and allocations unchanged");
        assertEquals(balance, Ledger.assertInvariant(member), "the invariant still holds");
        assertEquals(auditRows + 1, count("SELECT COUNT(*) FROM audit_log"), "one audit row");
        assertEquals("member.erased", Fixtures.text("SELECT action FROM audit_log WHERE id = ?", auditId));
        try (Connection connection = Fixtures.connect()) {
            AuditChain.Result chain = AuditChainCheck.verify(connection);
            assertTrue(chain.intact(), chain.detail());
        }
        assertEquals(0, count("SELECT COUNT(*) FROM member WHERE user_id = ? AND birthday IS NOT NULL", member));
        assertEquals(
                0,
                count(
                        "SELECT COUNT(*) FROM login_session s JOIN account a ON a.id = s.account_id"
                                + " WHERE a.member_user_id = ?",
                        member));

        JsonObject record = Api.get("/members/" + member, key).assertOk();
        assertEquals("erased", record.getString("status"));
        assertTrue(record.isNull("email") && record.isNull("display_name") && record.isNull("birthday"));
        earn(member, 10, "after", null).assertError(403, "rest_user_erased");
        Api.get("/balance/" + member, key).assertError(403, "rest_user_erased");
        Api.send(Api.request(Api.PREFIX + "/members/" + member)
                        .header("Authorization", Api.basic(key.consumerKey(), key.consumerSecret()))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"status\": \"active\"}"))
                        .build())
                .assertError(403, "rest_user_erased");
        assertEquals(
                "erased",
                deliver("order.updated", order(ORDER_IDS.incrementAndGet(), member, "completed", marker))
                        .assertOk()
                        .getString("outcome"),
                "an order of an erased customer is not applied");
        assertEquals(List.of(), occurrences(marker), "and its body is not kept");
        assertEquals(books, books(member));

        JsonObject again = erase(admin, member, "{\"reason\": \"again\"}").assertOk();
        assertTrue(again.getBoolean("already_erased"), "idempotent");
        assertTrue(again.isNull("audit_id"));
        assertEquals(auditRows + 1, count("SELECT COUNT(*) FROM audit_log"), "nothing more done");
        JsonObject exported = export(admin, member).object();
        assertEquals("erased", exported.getJsonObject("member").getString("status"));
    }

    /** {@code table.column} of every text column of the schema holding the marker. */
    private static List<String> occurrences(String marker) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = Fixtures.connect()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                            "SELECT c.table_name, c.column_name FROM information_schema.columns c"
                                    + " JOIN information_schema.tables t ON t.table_schema = c.table_schema"
                                    + " AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'"
                                    + " WHERE c.table_schema = DATABASE() AND c.data_type IN ('char', 'varchar',"
                                    + " 'tinytext', 'text', 'mediumtext', 'longtext', 'json')");
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            for (String[] column : columns) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT COUNT(*) FROM `" + column[0] + "` WHERE LOWER(`" + column[1] + "`) LIKE ?")) {
                    statement.setString(1, "%" + marker.toLowerCase() + "%");
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            found.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static List<String> logFilesWith(String marker) throws IOException {
        Path logs =
                Path.of(System.getProperty("twork.it.work-dir", "target/it")).resolve("logs");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".log")).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).toLowerCase();
                if (text.contains(marker.toLowerCase())) {
                    found.add(file.getFileName().toString());
                }
            }
        }
        return found;
    }

    @Test
    void refusedCallsSayWhyAndChangeNothing() {
        Session admin = staff("ADMIN");
        Session manager = staff("MANAGER");
        long member = Fixtures.newMember();
        earn(member, 100, "Before", null).assertOk();
        long other = Fixtures.newMember();
        String customerLogin = "priv-cust-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.newAccount(customerLogin, PASSWORD, "CUSTOMER", member);
        Session customer = Session.login(customerLogin, PASSWORD);
        String before = Ledger.snapshot(member)
                + Fixtures.text("SELECT CONCAT(status, email) FROM member WHERE user_id = ?", member);
        long auditRows = count("SELECT COUNT(*) FROM audit_log");

        erase(admin, 987_654_321_012L, "{\"reason\": \"x\"}").assertError(404, "rest_invalid_user");
        erase(admin, 987_654_321_012L, "{}").assertError(404, "rest_invalid_user");
        erase(admin, member, "{}").assertError(400, "invalid_params");
        erase(admin, member, "{\"reason\": \"   \"}").assertError(400, "invalid_params");
        erase(admin, member, "{\"reason\": \"" + "x".repeat(1_001) + "\"}").assertError(400, "invalid_params");
        erase(manager, member, "{\"reason\": \"not mine to do\"}").assertError(403, "rest_forbidden_permission");
        erase(customer, member, "{\"reason\": \"forget me\"}").assertError(403, "rest_forbidden_permission");
        Api.post("/members/" + member + "/erase", key, "{\"reason\": \"key\"}")
                .assertError(403, "rest_forbidden_permission");
        Api.send(Api.request(Api.PREFIX + "/members/" + member + "/erase")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"anonymous\"}"))
                        .build())
                .assertError(401, "rest_forbidden");
        assertEquals(
                before,
                Ledger.snapshot(member)
                        + Fixtures.text("SELECT CONCAT(status, email) FROM member WHERE user_id = ?", member));
        assertEquals(auditRows, count("SELECT COUNT(*) FROM audit_log"));

        export(customer, other).assertError(403, "rest_forbidden_user");
        Api.get("/members/" + member + "/export", key).assertError(403, "rest_forbidden_permission");
        export(admin, 987_654_321_012L).assertError(404, "rest_invalid_user");
        assertEquals(
                member,
                export(customer, member).object().getJsonNumber("user_id").longValueExact());
        assertEquals(
                member,
                export(manager, member).object().getJsonNumber("user_id").longValueExact());
    }

    @Test
    void anEarnRacingWithTheErasureEitherLandsBeforeItAndIsScrubbedOrIsRefused() throws Exception {
        Session admin = staff("ADMIN");
        long landedInAll = 0;
        long refusedInAll = 0;
        for (int round = 0; round < 3; round++) {
            long member = Fixtures.newMember();
            earn(member, 100, "Start", null).assertOk();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            ExecutorService eraser = Executors.newSingleThreadExecutor();
            try {
                List<Future<Reply>> earns = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    String description = "Race " + i + " of member " + member;
                    earns.add(pool.submit(() -> earn(member, 5, description, null)));
                }
                // The erasure starts once the first earns are in, while most are still queued or running.
                earns.get(round).get();
                Future<Reply> erasure = eraser.submit(() -> erase(admin, member, "{\"reason\": \"race round\"}"));
                assertFalse(
                        erasure.get().object().getBoolean("already_erased"),
                        erasure.get().body());
                long landed = 0;
                for (Future<Reply> earn : earns) {
                    Reply reply = earn.get();
                    if (reply.status() == 200) {
                        landed++;
                    } else {
                        reply.assertError(403, "rest_user_erased");
                    }
                }
                System.out.println("Round " + round + ": " + landed + " earns before the erasure, " + (60 - landed)
                        + " refused after it");
                landedInAll += landed;
                refusedInAll += 60 - landed;
                assertEquals(100 + 5 * landed, Ledger.assertInvariant(member), "every answered earn counted once");
                assertEquals(1 + landed, Ledger.rows(member));
                assertEquals(
                        0,
                        count(
                                "SELECT COUNT(*) FROM point_transaction WHERE user_id = ? AND description IS NOT NULL",
                                member),
                        "an earn that got in before the erasure is scrubbed with the rest");
            } finally {
                pool.shutdownNow();
                eraser.shutdownNow();
            }
        }
        assertTrue(
                landedInAll > 0 && refusedInAll > 0,
                "both sides of the race happened: " + landedInAll + "/" + refusedInAll);
        try (Connection connection = Fixtures.connect()) {
            assertTrue(AuditChainCheck.verify(connection).intact());
        }
    }

    @Test
    void customerDeletedErasesOnlyWhenTheSettingSaysSo() throws SQLException {
        long kept = Fixtures.newMember();
        assertEquals(
                "applied",
                deliver(
                                "customer.deleted",
                                Json.createObjectBuilder().add("id", kept).build())
                        .assertOk()
                        .getString("outcome"));
        assertEquals("inactive", Fixtures.text("SELECT status FROM member WHERE user_id = ?", kept));
        assertEquals(
                "member" + kept + "@example.test",
                Fixtures.text("SELECT email FROM member WHERE user_id = ?", kept),
                "off by default: only made inactive");

        Fixtures.setSetting("erase_on_customer_deleted", "true");
        long member = Fixtures.newMember();
        earn(member, 40, "Welcome", null).assertOk();
        String books = books(member);
        JsonObject answer = deliver(
                        "customer.deleted",
                        Json.createObjectBuilder().add("id", member).build())
                .assertOk();
        assertEquals("applied", answer.getString("outcome"), answer.toString());
        assertEquals("erased", Fixtures.text("SELECT status FROM member WHERE user_id = ?", member));
        assertEquals(0, count("SELECT COUNT(*) FROM member WHERE user_id = ? AND email IS NOT NULL", member));
        assertEquals(books, books(member));
        assertEquals(
                1,
                count(
                        "SELECT COUNT(*) FROM audit_log WHERE member_user_id = ? AND action = 'member.erased'"
                                + " AND actor = 'webhook'",
                        member));
        assertEquals(
                "erased",
                deliver(
                                "customer.deleted",
                                Json.createObjectBuilder().add("id", member).build())
                        .assertOk()
                        .getString("outcome"),
                "a repeat does nothing more");
        assertEquals(
                1,
                count("SELECT COUNT(*) FROM audit_log WHERE member_user_id = ? AND action = 'member.erased'", member));
        try (Connection connection = Fixtures.connect()) {
            assertTrue(AuditChainCheck.verify(connection).intact());
        }
    }

    @Test
    void theConsoleExportsAndErasesBehindAConfirmation() {
        ConsoleVisitor console = new ConsoleVisitor();
        String login = "priv-console-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.newAccount(login, PASSWORD, "ADMIN", null);
        assertEquals(302, console.login(login, PASSWORD).statusCode());
        long member = Fixtures.newMember();
        earn(member, 60, "Console", null).assertOk();
        long customerLogin = Fixtures.newAccount(
                "priv-customer-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, "CUSTOMER", member);

        String page = console.get("/admin/member.xhtml?id=" + member).body();
        assertTrue(page.contains("id=\"export-data\"") && page.contains("Erase member"), page);
        HttpResponse<String> download = console.get("/admin/member-export?id=" + member);
        assertEquals(200, download.statusCode());
        assertTrue(
                download.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
        assertEquals(
                member,
                Json.createReader(new java.io.StringReader(download.body()))
                        .readObject()
                        .getJsonNumber("user_id")
                        .longValueExact());

        Map<String, String> form = new LinkedHashMap<>();
        form.put("erase", "erase");
        form.put("id", Long.toString(member));
        form.put("erase:reason", "Asked by e-mail, ticket 99");
        form.put("erase:confirm", "1");
        form.put("erase:submit", "Erase member");
        form.put("jakarta.faces.ViewState", "stateless");
        form.put("_csrf", console.csrf("/admin/member.xhtml?id=" + member));
        HttpResponse<String> unconfirmed = console.post("/admin/member.xhtml", form);
        assertEquals(200, unconfirmed.statusCode());
        assertTrue(unconfirmed.body().contains("Type the member id " + member + " to confirm."), unconfirmed.body());
        assertEquals("active", Fixtures.text("SELECT status FROM member WHERE user_id = ?", member));

        form.put("erase:confirm", Long.toString(member));
        HttpResponse<String> done = console.post("/admin/member.xhtml", form);
        assertEquals(302, done.statusCode(), done.body());
        assertEquals("erased", Fixtures.text("SELECT status FROM member WHERE user_id = ?", member));
        String after = console.get(
                        done.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
                .body();
        assertTrue(after.contains("id=\"erased-notice\"") && !after.contains("Erase member"), after);

        // The erased member's customer login stays disabled: the accounts page cannot enable it again.
        assertEquals(0, Fixtures.count("SELECT enabled FROM account WHERE id = ?", customerLogin));
        Map<String, String> toggle = new LinkedHashMap<>();
        toggle.put("toggle", "toggle");
        toggle.put("account", Long.toString(customerLogin));
        toggle.put("enable", "true");
        toggle.put("toggle:submit", "Enable");
        toggle.put("jakarta.faces.ViewState", "stateless");
        toggle.put("_csrf", console.csrf("/admin/accounts.xhtml"));
        HttpResponse<String> reenabled = console.post("/admin/accounts.xhtml", toggle);
        assertEquals(200, reenabled.statusCode(), "refused on the page, not redirected");
        assertTrue(reenabled.body().contains("User account has been erased"), reenabled.body());
        assertEquals(0, Fixtures.count("SELECT enabled FROM account WHERE id = ?", customerLogin));

        ConsoleVisitor managerConsole = new ConsoleVisitor();
        String managerLogin = "priv-manager-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.newAccount(managerLogin, PASSWORD, "MANAGER", null);
        assertEquals(302, managerConsole.login(managerLogin, PASSWORD).statusCode());
        long another = Fixtures.newMember();
        String managerPage =
                managerConsole.get("/admin/member.xhtml?id=" + another).body();
        assertTrue(managerPage.contains("id=\"export-data\"") && !managerPage.contains("Erase member"));
    }

    @Test
    void retentionDeletesOnlyWhatIsOlderThanItsSetting() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long account = Fixtures.newAccount("priv-ret-" + tag, PASSWORD, "MANAGER", null);
        Fixtures.setSetting("retention_idempotency_hours", "30");
        Fixtures.setSetting("retention_webhook_days", "2");
        Fixtures.setSetting("retention_session_minutes", "60");
        Fixtures.setSetting("retention_failure_days", "2");
        Fixtures.setSetting("retention_throttle_hours", "2");
        Fixtures.setSetting("retention_log_days", "2");
        Path logs =
                Path.of(System.getProperty("twork.it.work-dir", "target/it")).resolve("logs");
        Path oldLog = logs.resolve("twork-points.9.log");
        Path recentLog = logs.resolve("twork-points.8.log");
        try {
            for (String age : List.of("old", "new")) {
                boolean old = "old".equals(age);
                String name = age + "-" + tag;
                Fixtures.update(
                        "INSERT INTO idempotency_record (scope_hash, credential, http_method, path, idempotency_key,"
                                + " request_hash, state, created_at, expires_at) VALUES (SHA2(?, 256), 'c', 'POST',"
                                + " 'earn', ?, 'h', 'complete', UTC_TIMESTAMP(6) - INTERVAL ? HOUR,"
                                + " UTC_TIMESTAMP(6) - INTERVAL ? HOUR + INTERVAL 25 HOUR)",
                        name,
                        name,
                        old ? 31 : 29,
                        old ? 31 : 29);
                Fixtures.update(
                        "INSERT INTO webhook_delivery (delivery_id, body_hash, topic, outcome, received_at)"
                                + " VALUES (?, SHA2(?, 256), 'order.updated', 'applied', UTC_TIMESTAMP(6) - INTERVAL ? HOUR)",
                        name,
                        name,
                        old ? 49 : 47);
                Fixtures.update(
                        "INSERT INTO login_session (token_hash, account_id, created_at, last_seen_at, client_address)"
                                + " VALUES (SHA2(?, 256), ?, UTC_TIMESTAMP(6) - INTERVAL 2 HOUR,"
                                + " UTC_TIMESTAMP(6) - INTERVAL ? MINUTE, ?)",
                        name,
                        account,
                        old ? 62 : 58,
                        name);
                Fixtures.update(
                        "INSERT INTO failure_event (occurred_at, kind, detail) VALUES (UTC_TIMESTAMP(6) - INTERVAL ? HOUR,"
                                + " 'sync', ?)",
                        old ? 49 : 47,
                        name);
                Fixtures.update(
                        "INSERT INTO throttle (bucket, window_start, hits) VALUES (?, UTC_TIMESTAMP(6) - INTERVAL ? MINUTE, 1)",
                        name,
                        old ? 125 : 115);
            }
            Files.writeString(oldLog, "{}\n");
            Files.writeString(recentLog, "{}\n");
            Files.setLastModifiedTime(oldLog, FileTime.from(Instant.now().minus(Duration.ofHours(49))));
            Files.setLastModifiedTime(recentLog, FileTime.from(Instant.now().minus(Duration.ofHours(47))));

            String result = com.twork.points.it.Jobs.runNow("housekeeping");
            assertTrue(result.contains("log file(s)"), result);

            for (String[] table : new String[][] {
                {"idempotency_record", "idempotency_key"},
                {"webhook_delivery", "delivery_id"},
                {"login_session", "client_address"},
                {"failure_event", "detail"},
                {"throttle", "bucket"}
            }) {
                String sql = "SELECT COUNT(*) FROM " + table[0] + " WHERE " + table[1] + " = ?";
                assertEquals(0, count(sql, "old-" + tag), table[0] + ": older than its setting");
                assertEquals(1, count(sql, "new-" + tag), table[0] + ": younger than its setting");
            }
            assertFalse(Files.exists(oldLog), "a rotated log file older than its setting");
            assertTrue(Files.exists(recentLog), "a younger one stays");
        } finally {
            for (String setting : List.of(
                    "retention_idempotency_hours:25",
                    "retention_webhook_days:90",
                    "retention_session_minutes:30",
                    "retention_failure_days:7",
                    "retention_throttle_hours:24",
                    "retention_log_days:30")) {
                String[] pair = setting.split(":");
                Fixtures.setSetting(pair[0], pair[1]);
            }
            Files.deleteIfExists(recentLog);
        }
    }

    /**
     * 100,000 ledger rows come through as one document, read here with a streaming parser: the server writes from a
     * cursor (fetch size 500) and collects nothing, so the size of a member's history costs it no memory.
     */
    @Test
    void aMemberWithAHundredThousandRowsIsExportedAsAStream() throws Exception {
        Session manager = staff("MANAGER");
        long member = Fixtures.newMember();
        int rows = 100_000;
        Fixtures.update(
                "INSERT INTO point_transaction (user_id, type, points, description, created_at, remaining, status, source,"
                        + " actor) SELECT ?, 'earn', 1, CONCAT('bulk ', seq), UTC_TIMESTAMP(6), 1, 'available', 'admin',"
                        + " 'test' FROM seq_1_to_100000",
                member);
        Fixtures.update(
                "INSERT INTO point_account (user_id, balance, lifetime_earned, updated_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6))",
                member,
                rows,
                rows);
        long started = System.nanoTime();
        HttpResponse<java.io.InputStream> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        manager.request("/members/" + member + "/export").GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        long transactions = 0;
        String section = "";
        int depth = 0;
        try (jakarta.json.stream.JsonParser parser = Json.createParser(response.body())) {
            while (parser.hasNext()) {
                jakarta.json.stream.JsonParser.Event event = parser.next();
                switch (event) {
                    case KEY_NAME -> {
                        if (depth == 1) {
                            section = parser.getString();
                        }
                    }
                    case START_OBJECT -> {
                        depth++;
                        if (depth == 2 && "transactions".equals(section)) {
                            transactions++;
                        }
                    }
                    case END_OBJECT -> depth--;
                    default -> {
                        // values and arrays: only objects are counted
                    }
                }
            }
        }
        assertEquals(rows, transactions);
        System.out.println("Exported " + rows + " rows in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        assertEquals(rows, Ledger.assertInvariant(member), "the test's ledger is consistent for the other suites");
    }
}
