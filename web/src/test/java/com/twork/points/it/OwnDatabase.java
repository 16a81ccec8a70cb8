package com.twork.points.it;

import com.twork.points.launcher.server.EmbeddedDatabase;
import com.twork.points.security.control.KeyHashing;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * An embedded MariaDB of a test's own (not the shared one), with the few statements tests run on it; it can be
 * stopped and started again on the same port.
 */
public final class OwnDatabase implements AutoCloseable {
    private final Path folder;
    private EmbeddedDatabase database;
    private int port;

    private OwnDatabase(Path folder) {
        this.folder = folder;
    }

    /** Starts a database in {@code folder} (kept across {@link #stop()} and {@link #start()}). */
    public static OwnDatabase in(Path folder) {
        OwnDatabase own = new OwnDatabase(folder);
        own.start();
        return own;
    }

    public void start() {
        database = EmbeddedDatabase.start(folder, port);
        port = database.port();
    }

    public void stop() {
        database.close();
        database = null;
    }

    public String jdbcUrl() {
        return EmbeddedDatabase.jdbcUrl(port);
    }

    public Connection connect() throws SQLException {
        return new MariaDbDataSource(jdbcUrl()).getConnection(EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
    }

    /** A read-write key written straight into this database. */
    public Fixtures.Key newKey() {
        try (Connection connection = connect()) {
            return newKey(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A read-write key written through {@code connection} (this or another test database, e.g. a Galera node). */
    public static Fixtures.Key newKey(Connection connection) throws SQLException {
        String consumerKey = KeyHashing.newConsumerKey();
        String consumerSecret = KeyHashing.newConsumerSecret();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO api_key (description, permissions, consumer_key_hash, consumer_secret_hash,"
                        + " truncated_key, created_at, created_by) VALUES ('test', 'read_write', ?, ?, ?, ?,"
                        + " 'test')",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, KeyHashing.consumerKeyHash(consumerKey));
            insert.setString(2, KeyHashing.secretHash(consumerSecret));
            insert.setString(3, KeyHashing.truncated(consumerKey));
            insert.setObject(4, LocalDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new Fixtures.Key(keys.getLong(1), consumerKey, consumerSecret);
            }
        }
    }

    public long count(String sql, Object... parameters) {
        try (Connection connection = connect()) {
            return count(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row {@code sql} gives on {@code connection}. */
    public static long count(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    public void update(String sql, Object... parameters) {
        try (Connection connection = connect()) {
            update(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    @Override
    public void close() {
        if (database != null) {
            stop();
        }
    }
}
