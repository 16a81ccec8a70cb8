package com.twork.points.launcher.tools.legacy;

import com.twork.points.launcher.tools.legacy.Anomaly.Kind;
import com.twork.points.security.control.KeyHashing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the legacy WordPress tables (layouts in docs/legacy-import.md) in one read-only, repeatable-read
 * transaction, so every table is seen at the same instant even while the shop still runs. Table names are the
 * prefix (checked against {@link #PREFIX}) plus WordPress's names; every value is bound as a parameter.
 */
final class LegacySource {
    static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_]{1,32}");
    static final int ORDER_ID_MAX = 191;

    /** Options read besides the plugin's own: the site's address (its identity) and time zone. */
    static final Set<String> SITE_OPTIONS = Set.of("siteurl", "home", "timezone_string", "gmt_offset");

    private final Connection connection;
    private final String prefix;
    private final Fingerprint fingerprint = new Fingerprint();
    private final List<Anomaly> notes = new ArrayList<>();

    private LegacySource(Connection connection, String prefix) {
        this.connection = connection;
        this.prefix = prefix;
    }

    static LegacySnapshot read(Connection connection, String prefix, String location, Instant now) throws SQLException {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("--prefix must be 1 to 32 letters, digits or underscores (e.g. wp_)");
        }
        connection.setReadOnly(true);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setAutoCommit(false);
        try {
            return new LegacySource(connection, prefix).snapshot(location, now);
        } finally {
            connection.rollback();
        }
    }

    private LegacySnapshot snapshot(String location, Instant now) throws SQLException {
        Set<String> tables = tables();
        for (String required : List.of("users", "options", "twork_point_transactions")) {
            if (!tables.contains(prefix + required)) {
                throw new ImportRefusedException("The source database at " + location + " has no table " + prefix
                        + required + ": is it the shop's WordPress database, and is the table prefix " + prefix + "?");
            }
        }
        Map<String, String> options = options();
        LegacyTimes.SiteZone zone = LegacyTimes.siteZone(options);
        List<LegacySnapshot.User> users = users();
        List<LegacyTransaction> transactions = transactions(zone, now);
        List<LegacySnapshot.AuditRow> audit =
                tables.contains(prefix + "twork_point_audit_log") ? auditRows(now) : List.of();
        List<LegacySnapshot.ApiKeyRow> keys =
                tables.contains(prefix + "woocommerce_api_keys") ? apiKeys(zone) : List.of();
        long next = nextTransactionId();
        fingerprint.add("next", next);
        String site = Optional.ofNullable(options.get("siteurl"))
                .filter(url -> !url.isBlank())
                .or(() -> Optional.ofNullable(options.get("home")).filter(url -> !url.isBlank()))
                .orElse("unknown site at " + location);
        return new LegacySnapshot(
                site.trim() + " (tables " + prefix + "*)",
                location,
                prefix,
                fingerprint.hex(),
                zone,
                users,
                transactions,
                audit,
                keys,
                options,
                next,
                notes);
    }

    private Set<String> tables() throws SQLException {
        Set<String> tables = new HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private Set<String> columns(String table) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT COLUMN_NAME FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }

    /** The plugin's options and the site options, sorted by name; only those the import uses go into the fingerprint. */
    private Map<String, String> options() throws SQLException {
        Map<String, String> options = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT option_name, option_value FROM " + prefix
                + "options WHERE option_name LIKE 'twork\\_points\\_%' OR option_name IN (?, ?, ?, ?)")) {
            statement.setString(1, "siteurl");
            statement.setString(2, "home");
            statement.setString(3, "timezone_string");
            statement.setString(4, "gmt_offset");
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    options.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        options.forEach((name, value) -> {
            if (SITE_OPTIONS.contains(name) || SettingsImport.MAPPED.containsKey(name)) {
                fingerprint.add("option", name, value);
            }
        });
        return options;
    }

    private List<LegacySnapshot.User> users() throws SQLException {
        List<LegacySnapshot.User> users = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT ID, user_login, user_email, display_name,"
                        + " CAST(user_registered AS CHAR), user_status FROM " + prefix + "users ORDER BY ID")) {
            while (rows.next()) {
                long id = rows.getLong(1);
                String registered = rows.getString(5);
                fingerprint.add(
                        "user",
                        id,
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        registered,
                        rows.getInt(6));
                if (id <= 0) {
                    continue;
                }
                users.add(new LegacySnapshot.User(
                        id,
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        // WordPress writes user_registered in UTC.
                        LegacyTimes.utc(registered).orElse(null),
                        rows.getInt(6)));
            }
        }
        return users;
    }

    private List<LegacyTransaction> transactions(LegacyTimes.SiteZone zone, Instant now) throws SQLException {
        String table = prefix + "twork_point_transactions";
        Set<String> columns = columns(table);
        boolean hasStatus = columns.contains("status");
        boolean hasDeleted = columns.contains("deleted_at");
        boolean hasExpiredFlag = columns.contains("is_expired");
        String sql = "SELECT id, user_id, type, points, description, order_id, CAST(created_at AS CHAR),"
                + " CAST(expires_at AS CHAR), " + (hasExpiredFlag ? "is_expired" : "0") + ", "
                + (hasStatus ? "status" : "NULL") + ", " + (hasDeleted ? "CAST(deleted_at AS CHAR)" : "NULL")
                + " FROM " + table + " ORDER BY id";
        List<LegacyTransaction> transactions = new ArrayList<>();
        Instant previous = null;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                long id = rows.getLong(1);
                long userId = rows.getLong(2);
                String type = rows.getString(3);
                int points = rows.getInt(4);
                String description = rows.getString(5);
                String orderId = rows.getString(6);
                String created = rows.getString(7);
                String expires = rows.getString(8);
                boolean expiredFlag = rows.getInt(9) != 0;
                String status = rows.getString(10);
                String deletedAt = rows.getString(11);
                fingerprint.add(
                        "transaction",
                        id,
                        userId,
                        type,
                        points,
                        description,
                        orderId,
                        created,
                        expires,
                        status,
                        deletedAt);
                // The plugin wrote created_at in the site's local time and expiry dates in UTC.
                Optional<Instant> createdAt = LegacyTimes.local(created, zone.zone());
                if (createdAt.isEmpty()) {
                    notes.add(Anomaly.of(
                            Kind.MISSING_DATE,
                            userId,
                            id,
                            "no valid created_at (\"" + created + "\"): dated like the row before it"));
                }
                Instant at = createdAt.orElse(previous == null ? now : previous);
                previous = at;
                String order = orderId == null || orderId.isBlank() ? null : orderId;
                if (order != null && order.length() > ORDER_ID_MAX) {
                    notes.add(Anomaly.of(
                            Kind.ORDER_ID_TOO_LONG,
                            userId,
                            id,
                            "order id of " + order.length() + " characters cut to " + ORDER_ID_MAX));
                    order = order.substring(0, ORDER_ID_MAX);
                }
                transactions.add(new LegacyTransaction(
                        id,
                        userId,
                        type == null ? "" : type.trim().toLowerCase(Locale.ROOT),
                        points,
                        description,
                        order,
                        at,
                        LegacyTimes.utc(expires).orElse(null),
                        expiredFlag,
                        hasStatus ? status : LedgerRebuild.APPROVED,
                        deletedAt != null && !deletedAt.isBlank()));
            }
        }
        return transactions;
    }

    private List<LegacySnapshot.AuditRow> auditRows(Instant now) throws SQLException {
        List<LegacySnapshot.AuditRow> audit = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, user_id, admin_user_id, points, reason,"
                        + " CAST(created_at AS CHAR) FROM " + prefix + "twork_point_audit_log ORDER BY id")) {
            while (rows.next()) {
                String created = rows.getString(6);
                fingerprint.add(
                        "audit",
                        rows.getLong(1),
                        rows.getLong(2),
                        rows.getLong(3),
                        rows.getInt(4),
                        rows.getString(5),
                        created);
                // The plugin wrote audit rows with current_time('mysql', true): UTC.
                Optional<Instant> at = LegacyTimes.utc(created);
                if (at.isEmpty()) {
                    notes.add(Anomaly.general(
                            Kind.MISSING_DATE,
                            "audit row " + rows.getLong(1) + " has no valid created_at: dated at the import"));
                }
                audit.add(new LegacySnapshot.AuditRow(
                        rows.getLong(1),
                        rows.getLong(2),
                        rows.getLong(3),
                        rows.getInt(4),
                        rows.getString(5),
                        at.orElse(now)));
            }
        }
        return audit;
    }

    private List<LegacySnapshot.ApiKeyRow> apiKeys(LegacyTimes.SiteZone zone) throws SQLException {
        List<LegacySnapshot.ApiKeyRow> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT key_id, user_id, description, permissions,"
                        + " consumer_key, consumer_secret, truncated_key, CAST(last_access AS CHAR) FROM " + prefix
                        + "woocommerce_api_keys ORDER BY key_id")) {
            while (rows.next()) {
                String secret = rows.getString(6);
                // The secret itself never enters the fingerprint; its hash tells a changed key all the same.
                fingerprint.add(
                        "key",
                        rows.getLong(1),
                        rows.getLong(2),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getString(5),
                        secret == null ? null : KeyHashing.sha256Hex(secret),
                        rows.getString(7));
                keys.add(new LegacySnapshot.ApiKeyRow(
                        rows.getLong(1),
                        rows.getLong(2),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getString(5),
                        secret,
                        rows.getString(7),
                        LegacyTimes.local(rows.getString(8), zone.zone()).orElse(null)));
            }
        }
        return keys;
    }

    /** The legacy table's next id: ids up to it may be cached by the app even if their rows are gone. */
    private long nextTransactionId() throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT AUTO_INCREMENT FROM information_schema.TABLES"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
            statement.setString(1, prefix + "twork_point_transactions");
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    /** SHA-256 over every field read, field by field, so any change to what the import uses changes it. */
    private static final class Fingerprint {
        private final MessageDigest digest;

        Fingerprint() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }

        void add(String tag, Object... fields) {
            StringBuilder line = new StringBuilder(tag);
            for (Object field : fields) {
                line.append('\u001f')
                        .append(
                                field == null
                                        ? "\u0000"
                                        : field.toString().replace("\\", "\\\\").replace("\u001f", "\\u001f"));
            }
            digest.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
