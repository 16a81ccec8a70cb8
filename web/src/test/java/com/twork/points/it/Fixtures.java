package com.twork.points.it;

import com.twork.points.launcher.server.EmbeddedDatabase;
import com.twork.points.ledger.control.OrderIds;
import com.twork.points.security.control.KeyHashing;
import com.twork.points.security.control.PasswordHashing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * Test data written straight into the shared database (members, keys, ledger rows) and read back for
 * assertions. Every member id comes from one counter, so tests never collide.
 */
public final class Fixtures {
    private static final AtomicLong NEXT_USER_ID = new AtomicLong(1_000);

    private Fixtures() {}

    public record Key(long id, String consumerKey, String consumerSecret) {}

    public static Connection connect() throws SQLException {
        MariaDbDataSource dataSource =
                new MariaDbDataSource(SharedServer.Running.get().database.jdbcUrl());
        return dataSource.getConnection(EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
    }

    public static long newMember() {
        return newMember("active");
    }

    public static long newMember(String status) {
        long userId = NEXT_USER_ID.getAndIncrement();
        update(
                "INSERT INTO member (user_id, email, display_name, status, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                userId,
                "member" + userId + "@example.test",
                "Member " + userId,
                status,
                utc(now()),
                utc(now()));
        return userId;
    }

    public static Key newKey(String permissions) {
        String consumerKey = KeyHashing.newConsumerKey();
        String consumerSecret = KeyHashing.newConsumerSecret();
        long id = insert(
                "INSERT INTO api_key (description, permissions, consumer_key_hash, consumer_secret_hash,"
                        + " truncated_key, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, 'test')",
                "test key",
                permissions,
                KeyHashing.consumerKeyHash(consumerKey),
                KeyHashing.secretHash(consumerSecret),
                KeyHashing.truncated(consumerKey),
                utc(now()));
        return new Key(id, consumerKey, consumerSecret);
    }

    /** An account with a cheap hash (1,000 iterations: tests log in often; the server reads the count from it). */
    public static long newAccount(String login, String password, String role, Long memberUserId) {
        return insert(
                "INSERT INTO account (login, password_hash, role, member_user_id, enabled, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, TRUE, ?, ?)",
                login,
                PasswordHashing.hash(password, 1_000),
                role,
                memberUserId,
                utc(now()),
                utc(now()));
    }

    public static Key writeKey() {
        return newKey("read_write");
    }

    public static void revoke(Key key) {
        update("UPDATE api_key SET revoked_at = ?, revoked_by = 'test' WHERE id = ?", utc(now()), key.id());
    }

    /**
     * A credit lot as the ledger would hold it, with its account totals kept consistent. Written past the application,
     * so the account's next expiry becomes unknown (V13: what every tool that bypasses the application must do).
     */
    public static long insertLot(long userId, String type, int points, Instant createdAt, Instant expiresAt) {
        long id = insert(
                "INSERT INTO point_transaction (user_id, type, points, description, created_at, expires_at,"
                        + " remaining, status, source, actor) VALUES (?, ?, ?, ?, ?, ?, ?, 'available', 'admin', 'test')",
                userId,
                type,
                points,
                "Test " + type,
                utc(createdAt),
                expiresAt == null ? null : utc(expiresAt),
                points);
        update(
                "INSERT INTO point_account (user_id, balance, lifetime_earned, updated_at) VALUES (?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE balance = balance + VALUES(balance),"
                        + " lifetime_earned = lifetime_earned + VALUES(lifetime_earned), updated_at = VALUES(updated_at),"
                        + " next_expiry = NULL",
                userId,
                points,
                "earn".equals(type) ? points : 0,
                utc(now()));
        return id;
    }

    /** Any ledger row, written as given (for listing tests). */
    public static long insertRow(
            long userId,
            String type,
            int points,
            String description,
            String orderId,
            Instant createdAt,
            Instant expiresAt,
            String status) {
        return insert(
                "INSERT INTO point_transaction (user_id, type, points, description, order_id, order_key,"
                        + " created_at, expires_at, remaining, status, source, actor)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 'admin', 'test')",
                userId,
                type,
                points,
                description,
                orderId,
                OrderIds.normalise(orderId).orElse(null),
                utc(createdAt),
                expiresAt == null ? null : utc(expiresAt),
                status);
    }

    /**
     * Throttles count in fixed windows (a minute, a quarter of an hour). A test that must stay inside one window
     * waits here first if fewer than {@code needed} remain of the current one.
     */
    public static void awaitRoomInWindow(Duration window, Duration needed) {
        long windowMillis = window.toMillis();
        long left = windowMillis - Math.floorMod(System.currentTimeMillis(), windowMillis);
        if (left < needed.toMillis()) {
            try {
                Thread.sleep(left + 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Moves the server's clock (honoured because the test server runs with the test-only flag). */
    public static void shiftClock(Duration offset) {
        update(
                "INSERT INTO setting (name, value, updated_at, updated_by) VALUES ('clock_offset_seconds', ?, ?, 'test')"
                        + " ON DUPLICATE KEY UPDATE value = VALUES(value)",
                Long.toString(offset.toSeconds()),
                utc(now()));
    }

    public static void setSetting(String name, String value) {
        update("UPDATE setting SET value = ?, updated_by = 'test' WHERE name = ?", value, name);
    }

    public static long count(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    public static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static void update(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long insert(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, parameters);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        bind(statement, parameters);
        return statement;
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
