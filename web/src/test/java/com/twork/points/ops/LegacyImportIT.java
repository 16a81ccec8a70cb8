package com.twork.points.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.audit.control.AuditChain;
import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.Reply;
import com.twork.points.it.SharedServer;
import com.twork.points.launcher.TworkCommand;
import com.twork.points.launcher.server.AuditChainCheck;
import com.twork.points.launcher.server.EmbeddedDatabase;
import com.twork.points.launcher.server.PayaraServer;
import com.twork.points.launcher.server.Ports;
import com.twork.points.security.control.KeyHashing;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * {@code ./twork import-legacy} against a legacy WordPress database the test creates (the plugin's table layouts,
 * see docs/legacy-import.md) with known anomalies, on the shared test MariaDB. The import needs a fresh database, so
 * each test imports into a database of its own; the REST checks run on a second Payara Micro pointed at it.
 */
@ExtendWith(SharedServer.class)
class LegacyImportIT {
    private static final ZoneId SITE = ZoneId.of("Asia/Yangon");
    private static final String PREFIX = "shop_";
    private static final String SITE_URL = "https://shop.example";
    private static final String IDENTITY = SITE_URL + " (tables shop_*)";
    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final List<Long> ACTIVE_MEMBERS = List.of(11L, 12L, 13L, 14L, 15L);

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final String appKey = KeyHashing.newConsumerKey();
    private final String appSecret = KeyHashing.newConsumerSecret();

    // ---------------------------------------------------------------- databases on the shared MariaDB

    private static String newDatabase(String name) {
        String database =
                name + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        Fixtures.update("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return database;
    }

    private static String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + Fixtures.count("SELECT @@port") + "/" + database;
    }

    private static Connection connect(String database) throws SQLException {
        return new MariaDbDataSource(url(database)).getConnection(EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
    }

    private static void execute(String database, String... statements) {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each row's columns joined by spaces, NULL as "-". */
    private static List<String> rows(String database, String sql, Object... parameters) {
        try (Connection connection = connect(database);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> values = new ArrayList<>();
                    for (int column = 1; column <= columns; column++) {
                        String value = result.getString(column);
                        values.add(value == null ? "-" : value);
                    }
                    rows.add(String.join(" ", values));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String database, String sql, Object... parameters) {
        List<String> rows = rows(database, sql, parameters);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static long count(String database, String sql, Object... parameters) {
        return Long.parseLong(text(database, sql, parameters));
    }

    private static String seconds(String column) {
        return "DATE_FORMAT(" + column + ", '%Y-%m-%d %H:%i:%s')";
    }

    /** MariaDB's checksum of every table the import writes: equal checksums mean nothing changed. */
    private static List<String> checksums(String database) {
        return rows(
                database,
                "CHECKSUM TABLE member, point_transaction, point_allocation, point_account, shop_order, api_key,"
                        + " setting, audit_log, audit_chain_head, legacy_import");
    }

    // ---------------------------------------------------------------- the command

    private record Run(int exit, String output) {
        List<String> lines() {
            return output.lines().toList();
        }
    }

    private static Run command(String target, String... args) throws Exception {
        System.setProperty("twork.db.url", url(target));
        System.setProperty("twork.db.user", EmbeddedDatabase.USER);
        System.setProperty("twork.db.password", EmbeddedDatabase.PASSWORD);
        System.setProperty("twork.legacy.password", EmbeddedDatabase.PASSWORD);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = TworkCommand.execute(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8));
            return new Run(exit, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.clearProperty("twork.db.url");
            System.clearProperty("twork.db.user");
            System.clearProperty("twork.db.password");
            System.clearProperty("twork.legacy.password");
        }
    }

    private static Run importLegacy(String target, String source, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "import-legacy",
                "--source-url",
                url(source),
                "--source-user",
                EmbeddedDatabase.USER,
                "--prefix",
                PREFIX));
        args.addAll(List.of(extra));
        return command(target, args.toArray(String[]::new));
    }

    // ---------------------------------------------------------------- the legacy database

    /** The site's local time {@code days} from now, as the plugin wrote created_at. */
    private String local(double days) {
        return LocalDateTime.ofInstant(at(days), SITE).format(SQL);
    }

    /** UTC {@code days} from now, as the plugin wrote expiry dates and audit rows. */
    private String utc(double days) {
        return LocalDateTime.ofInstant(at(days), ZoneOffset.UTC).format(SQL);
    }

    private Instant at(double days) {
        return now.plusSeconds(Math.round(days * 86_400));
    }

    /** One legacy transaction: id, user, type, points, description, order, created_at, expires_at, is_expired, status, deleted_at. */
    private record Legacy(
            long id,
            long user,
            String type,
            int points,
            String description,
            String order,
            String created,
            String expires,
            int expired,
            String status,
            String deleted) {}

    private List<Legacy> legacyLedger() {
        String burst = local(-5);
        String burstPlusOne = LocalDateTime.parse(burst, SQL).plusSeconds(1).format(SQL);
        String doubleSpend = local(-40);
        String ok = "approved";
        return List.of(
                // 11: the plugin expired a lot that was partly spent (500 expired, 200 of it already redeemed).
                new Legacy(100, 11, "earn", 500, "Welcome", null, local(-400), utc(-35), 1, ok, null),
                new Legacy(101, 11, "redeem", 200, "Points redeemed", null, local(-300), null, 0, ok, null),
                new Legacy(
                        102,
                        11,
                        "expire",
                        500,
                        "Points expired across 1 earn transactions",
                        null,
                        local(-30),
                        null,
                        0,
                        ok,
                        null),
                new Legacy(
                        103, 11, "earn", 1000, "Points earned from order #70", "70", local(-20), utc(345), 0, ok, null),
                // 12: echoes the plugin's /sync re-inserted, a genuine repeat, an order credited as WC-77 and as 77.
                new Legacy(104, 12, "earn", 50, "Daily check-in", null, local(-10), utc(355), 0, ok, null),
                new Legacy(105, 12, "redeem", 20, "Coffee", null, local(-9), null, 0, ok, null),
                new Legacy(106, 12, "earn", 50, "Daily check-in", null, burst, utc(355), 0, ok, null),
                new Legacy(107, 12, "redeem", 20, "Coffee", null, burstPlusOne, null, 0, ok, null),
                new Legacy(108, 12, "earn", 120, "Order WC-77", "WC-77", local(-4), utc(361), 0, ok, null),
                new Legacy(
                        109,
                        12,
                        "earn",
                        120,
                        "Points earned from order #77",
                        "77",
                        local(-4 + 1 / 24.0),
                        utc(361),
                        0,
                        ok,
                        null),
                new Legacy(110, 12, "redeem", 20, "Coffee", null, local(-2), null, 0, ok, null),
                // 13: two concurrent redemptions of 80 against 100: the plugin's ledger went negative (shown as 0).
                new Legacy(111, 13, "earn", 100, "Welcome", null, local(-50), utc(315), 0, ok, null),
                new Legacy(112, 13, "redeem", 80, "Gift card", null, doubleSpend, null, 0, ok, null),
                new Legacy(113, 13, "redeem", 80, "Voucher", null, doubleSpend, null, 0, ok, null),
                // 14: an order reversed after part of its award was spent, a refund of redeemed points, and rows our
                // ledger cannot take as they are (pending, trash, unknown type, wrong sign, rejected).
                new Legacy(
                        114, 14, "earn", 300, "Points earned from order #88", "88", local(-60), utc(305), 0, ok, null),
                new Legacy(115, 14, "redeem", 100, "Points redeemed", "WC-91", local(-59), null, 0, ok, null),
                new Legacy(
                        116,
                        14,
                        "adjust",
                        -300,
                        "Points reversed for cancelled order #88 (earned points)",
                        "88_reverse",
                        local(-30),
                        utc(335),
                        0,
                        ok,
                        null),
                new Legacy(
                        117,
                        14,
                        "refund",
                        100,
                        "Points refunded for cancelled order #91 (redeemed points)",
                        "91",
                        local(-29),
                        utc(336),
                        0,
                        ok,
                        null),
                new Legacy(
                        118,
                        14,
                        "earn",
                        40,
                        "Points earned from order #95",
                        "95",
                        local(-9),
                        utc(356),
                        0,
                        "pending",
                        null),
                new Legacy(119, 14, "earn", 70, "Bonus", null, local(-8), null, 0, ok, utc(-1)),
                new Legacy(120, 14, "poll_win", 25, "Poll winner", null, local(-7), null, 0, ok, null),
                new Legacy(121, 14, "redeem", -15, "Manual correction", null, local(-6), null, 0, ok, null),
                new Legacy(122, 14, "earn", 60, "Promo", null, local(-5), null, 0, "rejected", null),
                // 15: an expiry with nothing left unspent, and a lot past its expiry that nothing expired yet.
                new Legacy(123, 15, "referral", 10, "Referral bonus", null, local(-200), utc(-1), 1, ok, null),
                new Legacy(124, 15, "earn", 200, "Welcome", null, local(-100), utc(-5), 1, ok, null),
                new Legacy(125, 15, "redeem", 200, "Points redeemed", null, local(-90), null, 0, ok, null),
                new Legacy(
                        126,
                        15,
                        "expire",
                        200,
                        "Points expired across 1 earn transactions",
                        null,
                        local(-2),
                        null,
                        0,
                        ok,
                        null),
                new Legacy(127, 15, "earn", 30, "Daily check-in", null, local(-1), utc(364), 0, ok, null),
                // 17: a deleted WordPress user with a row whose created_at is a zero date.
                new Legacy(128, 17, "earn", 10, "Old points", null, "0000-00-00 00:00:00", null, 0, ok, null));
    }

    /** A legacy database as the plugin (1.4 layout, with status and deleted_at), WordPress and WooCommerce made it. */
    private String legacyDatabase(String siteUrl) {
        String database = newDatabase("legacy");
        String p = PREFIX;
        execute(
                database,
                "CREATE TABLE " + p + "users (ID bigint(20) unsigned NOT NULL AUTO_INCREMENT,"
                        + " user_login varchar(60) NOT NULL DEFAULT '', user_pass varchar(255) NOT NULL DEFAULT '',"
                        + " user_nicename varchar(50) NOT NULL DEFAULT '', user_email varchar(100) NOT NULL DEFAULT '',"
                        + " user_url varchar(100) NOT NULL DEFAULT '',"
                        + " user_registered datetime NOT NULL DEFAULT '0000-00-00 00:00:00',"
                        + " user_activation_key varchar(255) NOT NULL DEFAULT '', user_status int(11) NOT NULL DEFAULT 0,"
                        + " display_name varchar(250) NOT NULL DEFAULT '', PRIMARY KEY (ID))",
                "CREATE TABLE " + p + "options (option_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,"
                        + " option_name varchar(191) NOT NULL DEFAULT '', option_value longtext NOT NULL,"
                        + " autoload varchar(20) NOT NULL DEFAULT 'yes', PRIMARY KEY (option_id),"
                        + " UNIQUE KEY option_name (option_name))",
                "CREATE TABLE " + p + "twork_point_transactions (id bigint(20) UNSIGNED NOT NULL AUTO_INCREMENT,"
                        + " user_id bigint(20) UNSIGNED NOT NULL, type varchar(20) NOT NULL, points int(11) NOT NULL,"
                        + " description text, order_id varchar(255) DEFAULT NULL,"
                        + " created_at datetime DEFAULT CURRENT_TIMESTAMP, expires_at datetime NULL,"
                        + " is_expired tinyint(1) DEFAULT 0, status varchar(20) NOT NULL DEFAULT 'approved',"
                        + " deleted_at datetime NULL DEFAULT NULL, PRIMARY KEY (id), KEY idx_user_id (user_id),"
                        + " UNIQUE KEY uniq_user_order_type (user_id, order_id, type)) AUTO_INCREMENT = 500",
                "CREATE TABLE " + p + "twork_point_audit_log (id bigint(20) UNSIGNED NOT NULL AUTO_INCREMENT,"
                        + " user_id bigint(20) UNSIGNED NOT NULL, admin_user_id bigint(20) UNSIGNED NOT NULL,"
                        + " points int(11) NOT NULL, reason text, created_at datetime DEFAULT CURRENT_TIMESTAMP,"
                        + " PRIMARY KEY (id), KEY idx_user_admin (user_id, admin_user_id))",
                "CREATE TABLE " + p + "woocommerce_api_keys (key_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,"
                        + " user_id BIGINT UNSIGNED NOT NULL, description varchar(200) NULL,"
                        + " permissions varchar(10) NOT NULL, consumer_key char(64) NOT NULL,"
                        + " consumer_secret char(43) NOT NULL, nonces longtext NULL, truncated_key char(7) NOT NULL,"
                        + " last_access datetime NULL DEFAULT NULL, PRIMARY KEY (key_id), KEY consumer_key (consumer_key))");
        try (Connection connection = connect(database)) {
            insert(
                    connection,
                    p + "users (ID, user_login, user_email, user_registered, user_status, display_name)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    List.of(
                            new Object[] {1, "shopadmin", "admin@shop.example", utc(-900), 0, "Shop Admin"},
                            new Object[] {11, "ana", "ana@example.com", utc(-500), 0, "Ana"},
                            new Object[] {12, "ben", "ben@example.com", utc(-400), 0, "Ben"},
                            new Object[] {13, "cem", "cem@example.com", utc(-300), 0, "Cem"},
                            new Object[] {14, "dia", "dia@example.com", utc(-300), 0, ""},
                            new Object[] {15, "eve", "eve@example.com", utc(-250), 0, "Eve"},
                            new Object[] {16, "fay", "fay@example.com", utc(-200), 1, "Fay"}));
            Map<String, String> options = new LinkedHashMap<>();
            options.put("siteurl", siteUrl);
            options.put("home", siteUrl);
            options.put("timezone_string", SITE.getId());
            options.put("gmt_offset", "6.5");
            options.put("twork_points_rate", "1.5");
            options.put("twork_points_referral_bonus", "300");
            options.put("twork_points_expiration_days", "0");
            options.put("twork_points_birthday_bonus", "abc");
            options.put("twork_points_db_version", "1.4");
            options.put("twork_points_sync_error_state", "a:0:{}");
            options.put("blogname", "T-Work Shop");
            List<Object[]> optionRows = new ArrayList<>();
            options.forEach((name, value) -> optionRows.add(new Object[] {name, value}));
            insert(connection, p + "options (option_name, option_value) VALUES (?, ?)", optionRows);
            List<Object[]> ledger = new ArrayList<>();
            for (Legacy row : legacyLedger()) {
                ledger.add(new Object[] {
                    row.id(),
                    row.user(),
                    row.type(),
                    row.points(),
                    row.description(),
                    row.order(),
                    row.created(),
                    row.expires(),
                    row.expired(),
                    row.status(),
                    row.deleted()
                });
            }
            insert(
                    connection,
                    p + "twork_point_transactions (id, user_id, type, points, description, order_id, created_at,"
                            + " expires_at, is_expired, status, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ledger);
            insert(
                    connection,
                    p + "twork_point_audit_log (id, user_id, admin_user_id, points, reason, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    List.of(
                            new Object[] {1, 14, 1, -300, "Order 88 cancelled", utc(-30)},
                            new Object[] {2, 15, 1, 30, "Goodwill", utc(-1)}));
            insert(
                    connection,
                    p + "woocommerce_api_keys (key_id, user_id, description, permissions, consumer_key,"
                            + " consumer_secret, truncated_key, last_access) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    List.of(
                            new Object[] {
                                3,
                                1,
                                "Mobile app",
                                "read_write",
                                KeyHashing.consumerKeyHash(appKey),
                                appSecret,
                                KeyHashing.truncated(appKey),
                                local(-1)
                            },
                            new Object[] {
                                4,
                                1,
                                "Old integration",
                                "read",
                                KeyHashing.consumerKeyHash(KeyHashing.newConsumerKey()),
                                "cs_short",
                                "abcdefg",
                                null
                            }));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return database;
    }

    private static void insert(Connection connection, String into, List<Object[]> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + into)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.executeUpdate();
            }
        }
    }

    // ---------------------------------------------------------------- tests

    @Test
    void theLegacyLedgerIsRebuiltByOurRulesWithEveryCorrectionReportedAndASecondRunChangesNothing() throws Exception {
        String source = legacyDatabase(SITE_URL);
        String target = newDatabase("imported");

        Run run = importLegacy(target, source);

        System.out.println(run.output());
        assertEquals(0, run.exit(), run.output());
        List<String> lines = run.lines();
        assertTrue(
                lines.contains("Legacy import of " + IDENTITY + " from 127.0.0.1:" + Fixtures.count("SELECT @@port")
                        + "/" + source),
                run.output());
        assertTrue(
                lines.contains("Site time zone: timezone_string Asia/Yangon (the plugin's local times are converted"
                        + " to UTC)"),
                run.output());
        assertTrue(lines.contains("Read 7 users, 29 transactions, 2 audit rows, 2 API keys."), run.output());
        assertEquals(
                List.of(
                        "Corrected (21):",
                        "  [missing_date] member 17, transaction 128",
                        "  [unknown_member] member 17",
                        "  [expired_lot_partly_spent] member 11, transaction 102",
                        "  [balance_changed] member 11",
                        "  [echoed_duplicate] member 12, transaction 106",
                        "  [echoed_duplicate] member 12, transaction 107",
                        "  [order_credited_twice] member 12, transaction 108",
                        "  [balance_changed] member 12",
                        "  [overdrawn_debit] member 13, transaction 113",
                        "  [negative_ledger_shown_as_zero] member 13",
                        "  [deleted_row] member 14, transaction 119",
                        "  [unknown_type] member 14, transaction 120",
                        "  [sign_contradicts_type] member 14, transaction 121",
                        "  [not_approved] member 14, transaction 122",
                        "  [reversal_capped] member 14, transaction 116",
                        "  [balance_changed] member 14",
                        "  [expired_lot_partly_spent] member 15, transaction 126",
                        "  [negative_ledger_shown_as_zero] member 15",
                        "  [setting_refused] twork_points_birthday_bonus",
                        "  [setting_meaning_changed] twork_points_expiration_days",
                        "  [key_skipped] WooCommerce key 4",
                        "Kept as the plugin had them, for staff to review (4):",
                        "  [possible_echo_kept] member 12, transaction 110",
                        "  [pending_kept] member 14, transaction 118",
                        "  [option_ignored] twork_points_db_version",
                        "  [option_ignored] twork_points_sync_error_state"),
                anomalySummary(lines));
        // The four the plugin got wrong most often, word for word.
        assertTrue(
                lines.contains("  [expired_lot_partly_spent] member 11, transaction 102: the plugin expired 500 points,"
                        + " but only 300 were left unspent in the lots due (100): 200 spent points were expired a"
                        + " second time; this row now expires 300"),
                run.output());
        assertTrue(
                lines.contains("  [echoed_duplicate] member 12, transaction 106: a copy of transaction 104 (same type,"
                        + " points, description, order and expiry) that the plugin's /sync re-inserted: kept as a void"
                        + " row"),
                run.output());
        assertTrue(
                lines.contains("  [order_credited_twice] member 12, transaction 108: order 77 was credited 2 times as"
                        + " \"WC-77\" (108), \"77\" (109): kept 109 (the shop's award), this row is void"),
                run.output());
        assertTrue(
                lines.contains("  [negative_ledger_shown_as_zero] member 13: the plugin's ledger stood at -60 and was"
                        + " shown as 0; the rebuilt balance is 0"),
                run.output());
        assertTrue(lines.contains("  [balance_changed] member 14: the plugin showed 15; the rebuilt balance is 115"));
        assertTrue(
                lines.contains("Imported 8 members, 29 transactions, 9 allocations, 6 accounts, 3 shop orders,"
                        + " 1 API keys, 2 legacy audit rows."),
                run.output());
        assertTrue(lines.contains("New transaction ids start at 500."), run.output());
        assertTrue(lines.contains("Audit chain verified: 3 rows intact."), run.output());

        // Every legacy id kept; lots, debits and voids by our rules.
        assertEquals(
                List.of(
                        "100 11 earn 500 0 available 0 - - -",
                        "101 11 redeem 200 0 available 0 - - -",
                        "102 11 expire 300 0 available 0 - - -",
                        "103 11 earn 1000 1000 available 0 - - earn:70",
                        "104 12 earn 50 10 available 0 - - -",
                        "105 12 redeem 20 0 available 0 - - -",
                        "106 12 earn 50 0 void 0 - - -",
                        "107 12 redeem 20 0 void 0 - - -",
                        "108 12 earn 120 0 void 0 - - -",
                        "109 12 earn 120 120 available 0 - - earn:77",
                        "110 12 redeem 20 0 available 0 - - -",
                        "111 13 earn 100 0 available 0 - - -",
                        "112 13 redeem 80 0 available 0 - - -",
                        "113 13 redeem 20 0 available 60 - - -",
                        "114 14 earn 300 0 available 0 - - earn:88",
                        "115 14 redeem 100 0 available 0 - - redeem:91",
                        "116 14 adjust -200 0 available 100 114 - -",
                        "117 14 refund 100 100 available 0 - refund:115 refund:91",
                        "118 14 earn 40 40 pending 0 - - earn:95",
                        "119 14 earn 70 0 void 0 - - -",
                        "120 14 adjust 25 0 void 0 - - -",
                        "121 14 adjust 15 15 available 0 - - -",
                        "122 14 earn 60 0 void 0 - - -",
                        "123 15 referral 10 10 available 0 - - -",
                        "124 15 earn 200 0 available 0 - - -",
                        "125 15 redeem 200 0 available 0 - - -",
                        "126 15 expire 200 0 void 0 - - -",
                        "127 15 earn 30 30 available 0 - - -",
                        "128 17 earn 10 10 available 0 - - -"),
                rows(
                        target,
                        "SELECT id, user_id, type, points, remaining, status, uncollectable, reverses_id, bonus_key,"
                                + " client_order_key FROM point_transaction ORDER BY id"));
        assertEquals(
                List.of(
                        "101 100 200",
                        "102 100 300",
                        "105 104 20",
                        "110 104 20",
                        "112 111 80",
                        "113 111 20",
                        "115 114 100",
                        "116 114 200",
                        "125 124 200"),
                rows(target, "SELECT debit_id, lot_id, points FROM point_allocation ORDER BY id"));
        assertEquals(
                List.of(
                        "11 1000 1500 200 300 0",
                        "12 130 170 40 0 0",
                        "13 0 100 100 0 0",
                        "14 115 0 100 0 40",
                        "15 40 230 200 0 0",
                        "17 10 10 0 0 0"),
                rows(
                        target,
                        "SELECT user_id, balance, lifetime_earned, lifetime_redeemed, lifetime_expired, pending"
                                + " FROM point_account ORDER BY user_id"));
        Ledger.Counter db = (sql, parameters) -> count(target, sql, parameters);
        for (long member : List.of(11L, 12L, 13L, 14L, 15L, 17L)) {
            Ledger.assertInvariant(db, member);
        }
        assertEquals(
                List.of(
                        "1 active admin@shop.example Shop Admin",
                        "11 active ana@example.com Ana",
                        "12 active ben@example.com Ben",
                        "13 active cem@example.com Cem",
                        "14 active dia@example.com dia",
                        "15 active eve@example.com Eve",
                        "16 inactive fay@example.com Fay",
                        "17 inactive - Legacy user 17"),
                rows(target, "SELECT user_id, status, email, display_name FROM member ORDER BY user_id"));
        assertEquals(
                List.of("70 11 completed 1000 103 0 0", "77 12 completed 120 109 0 0", "88 14 cancelled 0 114 200 0"),
                rows(
                        target,
                        "SELECT order_id, user_id, status, awarded, award_transaction_id, reversed, refunded_redeemed"
                                + " FROM shop_order ORDER BY order_id"));
        // Local site times became UTC; expiry dates were UTC already; a zero date took the previous row's time.
        assertEquals(
                utc(-20) + " " + utc(345),
                text(
                        target,
                        "SELECT CONCAT_WS(' ', " + seconds("created_at") + ", " + seconds("expires_at")
                                + ") FROM point_transaction WHERE id = 103"));
        assertEquals(
                utc(-1),
                text(target, "SELECT " + seconds("created_at") + " FROM point_transaction WHERE id = 128"),
                "dated like row 127");

        // Settings, the app's key (its hash as WooCommerce made it, the secret only as SHA-256), the audit trail.
        assertEquals(
                List.of(
                        "birthday_bonus 200 seed",
                        "expiration_days 0 import",
                        "points_rate 1.5 import",
                        "referral_bonus 300 import",
                        "site_timezone Asia/Yangon import"),
                rows(
                        target,
                        "SELECT name, value, updated_by FROM setting WHERE name IN ('points_rate', 'referral_bonus',"
                                + " 'birthday_bonus', 'expiration_days', 'site_timezone') ORDER BY name"));
        assertEquals(
                List.of("read_write " + KeyHashing.consumerKeyHash(appKey) + " " + KeyHashing.truncated(appKey)
                        + " WooCommerce key 3: Mobile app (user 1)"),
                rows(target, "SELECT permissions, consumer_key_hash, truncated_key, description FROM api_key"));
        assertTrue(KeyHashing.secretMatches(
                appSecret,
                text(
                        target,
                        "SELECT consumer_secret_hash FROM api_key WHERE truncated_key = ?",
                        KeyHashing.truncated(appKey))));
        assertEquals(
                List.of(
                        "wp-user:1 legacy.points.adjusted 14 -300 Order 88 cancelled " + utc(-30),
                        "wp-user:1 legacy.points.adjusted 15 30 Goodwill " + utc(-1),
                        "cli legacy.imported - - - "
                                + now.atOffset(ZoneOffset.UTC).toLocalDate()),
                rows(
                        target,
                        "SELECT actor, action, member_user_id, delta, reason, IF(action = 'legacy.imported',"
                                + " DATE(created_at), " + seconds("created_at") + ") FROM audit_log ORDER BY id"));
        assertEquals(
                List.of(IDENTITY + " 8 29 1 2 25 499"),
                rows(
                        target,
                        "SELECT source_identity, members, transactions, api_keys, audit_rows, anomalies, max_legacy_id"
                                + " FROM legacy_import"));
        assertTrue(
                count(
                                target,
                                "SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"
                                        + " AND TABLE_NAME = 'point_transaction'",
                                target)
                        >= 500,
                "new ids start above the legacy table's AUTO_INCREMENT");

        // The audit chain verifies as the server verifies it, and an edit of an imported row is caught.
        try (Connection connection = connect(target)) {
            AuditChain.Result intact = AuditChainCheck.verify(connection);
            assertTrue(intact.intact(), intact.detail());
            assertEquals(3, intact.rowsChecked());
            execute(target, "UPDATE audit_log SET reason = 'Goodwill!' WHERE reason = 'Goodwill'");
            AuditChain.Result edited = AuditChainCheck.verify(connection);
            assertFalse(edited.intact());
            assertEquals(
                    count(target, "SELECT id FROM audit_log WHERE reason = 'Goodwill!'"),
                    edited.firstBrokenId().orElseThrow());
            execute(target, "UPDATE audit_log SET reason = 'Goodwill' WHERE reason = 'Goodwill!'");
            assertTrue(AuditChainCheck.verify(connection).intact());
        }

        // The same source again: recognised, nothing written.
        List<String> before = checksums(target);
        Run again = importLegacy(target, source);
        assertEquals(0, again.exit(), again.output());
        assertTrue(again.output().startsWith("Already imported: " + IDENTITY), again.output());
        assertTrue(again.output().contains("Nothing changed."), again.output());
        assertEquals(before, checksums(target));
    }

    /** Each anomaly line up to its colon (kind, member, transaction; the setting or key it names), with the headers. */
    private static List<String> anomalySummary(List<String> lines) {
        List<String> summary = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            if (line.startsWith("Corrected (") || line.startsWith("Kept as the plugin had them")) {
                inside = true;
                summary.add(line);
            } else if (inside && line.startsWith("  [")) {
                String head = line.substring(0, line.indexOf(':') < 0 ? line.length() : line.indexOf(':'));
                if (head.contains("] member")) {
                    summary.add(head);
                } else {
                    // General anomalies: the kind and the first words naming what they are about.
                    String[] words = line.trim().split(" ");
                    summary.add("  " + words[0] + " "
                            + (words[1].equals("WooCommerce") ? "WooCommerce key " + words[3] : words[1]));
                }
            } else {
                inside = false;
            }
        }
        return summary;
    }

    @Test
    void theAppsKeyWorksAndItsEchoOfTheLegacyRowsChangesNothingOnTheImportedDatabase() throws Exception {
        String source = legacyDatabase(SITE_URL);
        String target = newDatabase("served");
        assertEquals(0, importLegacy(target, source).exit());
        // No job may run while we compare (the expiry job would rightly expire member 15's overdue lot).
        execute(
                target,
                "UPDATE setting SET value = '1440', updated_by = 'test' WHERE name = 'expiry_interval_minutes'",
                "UPDATE job_schedule SET next_run_at = UTC_TIMESTAMP(6) + INTERVAL 1 DAY");
        Path work =
                Path.of(System.getProperty("twork.it.work-dir", "target/it")).resolve("legacy-import");
        PayaraServer server = PayaraServer.launch(new PayaraServer.Options(
                Path.of(System.getProperty("twork.it.payara-jar")),
                Path.of(System.getProperty("twork.it.war")),
                Ports.freePort(),
                work,
                Map.of(
                        "twork.db.url",
                        url(target),
                        "twork.db.user",
                        EmbeddedDatabase.USER,
                        "twork.db.password",
                        EmbeddedDatabase.PASSWORD,
                        "twork.settings.refresh-millis",
                        "0",
                        "twork.log.dir",
                        work.resolve("logs").toString()),
                work.resolve("payara.log")));
        try {
            server.awaitReady();
            String base = server.baseUrl() + Api.PREFIX;

            JsonObject balance = send(
                            HttpRequest.newBuilder(URI.create(base + "/balance/11"))
                                    .GET(),
                            base)
                    .assertOk();
            assertEquals(1000, balance.getInt("current_balance"));
            assertEquals(1500, balance.getInt("lifetime_earned"));
            assertEquals(300, balance.getInt("lifetime_expired"));
            assertEquals(
                    30,
                    send(
                                    HttpRequest.newBuilder(URI.create(base + "/balance/15"))
                                            .GET(),
                                    base)
                            .assertOk()
                            .getInt("current_balance"),
                    "the overdue referral lot is not shown");
            assertEquals(
                    4,
                    send(
                                    HttpRequest.newBuilder(URI.create(base + "/transactions/12"))
                                            .GET(),
                                    base)
                            .assertOk()
                            .getInt("total"),
                    "void rows are not listed");

            // What the app holds in its cache: the rows the plugin showed it, re-posted after every balance load.
            List<String> ledgerBefore = ledgerChecksums(target);
            for (long member : ACTIVE_MEMBERS) {
                JsonObject answer = post(base, "/sync", echoOf(member)).assertOk();
                assertTrue(answer.getBoolean("success"), answer.toString());
                assertEquals(0, answer.getInt("synced"), answer.toString());
                assertEquals(0, answer.getJsonArray("errors").size(), answer.toString());
                answer.getJsonArray("results").forEach(value -> {
                    JsonObject result = value.asJsonObject();
                    String expected =
                            "expire".equals(typeOf(Long.parseLong(result.getString("id")))) ? "ignored" : "duplicate";
                    assertEquals(expected, result.getString("status"), result.toString());
                });
            }
            assertEquals(ledgerBefore, ledgerChecksums(target), "the echo wrote nothing");

            // The app's order earn for the shop's order 77 answers with the kept award; new rows get new ids.
            JsonObject replay = post(base, "/earn", "{\"user_id\": 12, \"points\": 120, \"order_id\": \"WC-77\"}")
                    .assertOk();
            assertEquals(109, replay.getInt("transaction_id"));
            assertEquals(ledgerBefore, ledgerChecksums(target), "a replay writes nothing");
            JsonObject earned = post(base, "/earn", "{\"user_id\": 11, \"points\": 5, \"description\": \"After\"}")
                    .assertOk();
            assertEquals(500, earned.getInt("transaction_id"), "above the legacy AUTO_INCREMENT");
            assertEquals(1005, earned.getInt("new_balance"));
        } finally {
            server.close();
        }
    }

    private String typeOf(long id) {
        return legacyLedger().stream()
                .filter(row -> row.id() == id)
                .findFirst()
                .orElseThrow()
                .type();
    }

    /** The member's legacy rows as the plugin's GET /transactions showed them and the app re-posts them. */
    private String echoOf(long member) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (Legacy row : legacyLedger()) {
            if (row.user() != member) {
                continue;
            }
            JsonObjectBuilder item = Json.createObjectBuilder()
                    .add("id", Long.toString(row.id()))
                    .add("user_id", Long.toString(row.user()))
                    // The app maps any type it does not know to earn.
                    .add(
                            "type",
                            List.of("earn", "redeem", "expire", "adjust", "referral", "birthday", "refund")
                                            .contains(row.type())
                                    ? row.type()
                                    : "earn")
                    .add("points", row.points())
                    .add("description", row.description())
                    .add("created_at", row.created())
                    .add("is_expired", row.expired() == 1);
            item.add("order_id", row.order() == null ? JsonValue.NULL : Json.createValue(row.order()));
            item.add("expires_at", row.expires() == null ? JsonValue.NULL : Json.createValue(row.expires()));
            items.add(item);
        }
        return Json.createObjectBuilder()
                .add("user_id", member)
                .add("transactions", items)
                .build()
                .toString();
    }

    private static List<String> ledgerChecksums(String database) {
        return rows(database, "CHECKSUM TABLE member, point_transaction, point_allocation, point_account, shop_order");
    }

    private Reply post(String base, String path, String json) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                base);
    }

    private Reply send(HttpRequest.Builder request, String base) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            request.timeout(Duration.ofSeconds(30))
                                    .header("Authorization", Api.basic(appKey, appSecret))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDatabaseThatIsNotFreshIsRefusedAndKeepsWhatItHolds() throws Exception {
        String source = legacyDatabase(SITE_URL);
        String target = newDatabase("busy");
        assertEquals(0, command(target, "seed", "--sample").exit());
        List<String> before = checksums(target);

        Run refused = importLegacy(target, source);

        assertEquals(3, refused.exit(), refused.output());
        assertEquals(
                "Refused: this database is not fresh: it holds 5 member row(s), 5 point_transaction row(s), 5"
                        + " point_account row(s). The legacy import runs only on a fresh database (or again on one"
                        + " holding an earlier import of the same source): create an empty database, point"
                        + " TWORK_DB_URL at it and import there.",
                refused.output().trim());
        assertEquals(before, checksums(target));

        Run wrongPrefix = command(
                target, "import-legacy", "--source-url", url(source), "--source-user", "root", "--prefix", "wp_");
        assertEquals(3, wrongPrefix.exit());
        assertTrue(wrongPrefix.output().contains("has no table wp_users"), wrongPrefix.output());
        assertEquals(before, checksums(target));
    }

    @Test
    void anotherSourceOrTheSameSourceChangedIsRefused() throws Exception {
        String source = legacyDatabase(SITE_URL);
        String target = newDatabase("taken");
        assertEquals(0, importLegacy(target, source).exit());
        List<String> before = checksums(target);

        Run other = importLegacy(target, legacyDatabase("https://other-shop.example"));
        assertEquals(3, other.exit(), other.output());
        assertTrue(
                other.output().startsWith("Refused: this database already holds an import of " + IDENTITY + " from "),
                other.output());
        assertTrue(other.output().contains("it will not take https://other-shop.example (tables shop_*) as well"));

        execute(
                source,
                "INSERT INTO shop_twork_point_transactions (id, user_id, type, points, description, created_at)"
                        + " VALUES (129, 11, 'earn', 5, 'Later', '" + local(0) + "')");
        Run changed = importLegacy(target, source);
        assertEquals(3, changed.exit(), changed.output());
        assertTrue(changed.output().contains("its rows have changed since"), changed.output());
        assertEquals(before, checksums(target));
    }

    @Test
    void aDryRunChecksEverythingAndKeepsNothing() throws Exception {
        String source = legacyDatabase(SITE_URL);
        String target = newDatabase("dry");
        InputStream stdin = System.in;
        Run dry;
        try {
            System.setIn(new ByteArrayInputStream("embedded\n".getBytes(StandardCharsets.UTF_8)));
            dry = importLegacy(target, source, "--dry-run", "--source-password-stdin");
        } finally {
            System.setIn(stdin);
        }

        assertEquals(0, dry.exit(), dry.output());
        assertTrue(dry.lines().contains("Corrected (21):"), dry.output());
        assertTrue(dry.lines().contains("Audit chain verified: 3 rows intact."), dry.output());
        assertTrue(
                dry.output().contains("Dry run: everything was written, checked and rolled back; nothing was kept."));
        for (String table : List.of(
                "member",
                "point_transaction",
                "point_account",
                "api_key",
                "audit_log",
                "legacy_import",
                "shop_order")) {
            assertEquals(0, count(target, "SELECT COUNT(*) FROM " + table), table);
        }
        assertEquals(List.of("0"), rows(target, "SELECT COUNT(*) FROM setting WHERE updated_by = 'import'"));

        assertEquals(0, importLegacy(target, source).exit());
        assertEquals(29, count(target, "SELECT COUNT(*) FROM point_transaction"));
    }
}
