package com.twork.points.it;

import com.twork.points.launcher.server.EmbeddedDatabase;
import com.twork.points.launcher.server.PayaraServer;
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
 * A MariaDB and a Payara Micro of a test's own (not the shared ones), for tests that kill or stop them: the
 * server is killed with SIGKILL by its process id, the database stopped and started again on the same port.
 */
public final class OwnServer implements AutoCloseable {
    private final Path work;
    private EmbeddedDatabase database;
    private int databasePort;
    private PayaraServer server;

    private OwnServer(Path work) {
        this.work = work;
    }

    /** A fresh database folder under the test work directory, then the database and the server. */
    public static OwnServer start(String name) {
        Path work = Path.of(System.getProperty("twork.it.work-dir", "target/it"))
                .resolveSibling("it-" + name)
                .toAbsolutePath();
        TestServers.deleteTree(work);
        OwnServer own = new OwnServer(work);
        own.startDatabase();
        try {
            own.startServer();
            own.update("UPDATE setting SET value = '1440', updated_by = 'test' WHERE name = 'expiry_interval_minutes'");
            own.update("UPDATE job_schedule SET next_run_at = UTC_TIMESTAMP(6) + INTERVAL 1 DAY");
        } catch (RuntimeException e) {
            own.close();
            throw e;
        }
        return own;
    }

    public void startDatabase() {
        database = EmbeddedDatabase.start(work.resolve("mariadb"), databasePort);
        databasePort = database.port();
    }

    public void stopDatabase() {
        database.close();
        database = null;
    }

    public void startServer() {
        server = TestServers.launch(work, EmbeddedDatabase.jdbcUrl(databasePort));
    }

    /** SIGKILL to the server process this object started (by its pid), and waits until it is gone. */
    public void killServer() {
        ProcessHandle.of(server.pid()).ifPresent(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (server.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public int port() {
        return server.port();
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public Connection connect() throws SQLException {
        return new MariaDbDataSource(EmbeddedDatabase.jdbcUrl(databasePort))
                .getConnection(EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
    }

    /** A read-write key written straight into this database. */
    public Fixtures.Key newKey() {
        String consumerKey = KeyHashing.newConsumerKey();
        String consumerSecret = KeyHashing.newConsumerSecret();
        try (Connection connection = connect();
                PreparedStatement insert = connection.prepareStatement(
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
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void update(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }
}
