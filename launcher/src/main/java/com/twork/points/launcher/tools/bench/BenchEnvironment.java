package com.twork.points.launcher.tools.bench;

import com.twork.points.launcher.server.EmbeddedDatabase;
import com.twork.points.launcher.server.PayaraServer;
import com.twork.points.launcher.server.Ports;
import com.twork.points.security.control.KeyHashing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * What every measurement of the benchmark stands on: the embedded MariaDB on a generated dataset, a fresh API key,
 * and Payara Micro with the WAR on that database, configured as {@code ./twork run} deploys it. Closing stops the
 * server first, then the database.
 */
final class BenchEnvironment implements AutoCloseable {
    private final EmbeddedDatabase database;
    private final MariaDbDataSource source;
    private final Dataset dataset;
    private final long databasePid;
    private final String consumerKeyHash;
    private final String credentials;
    private final PayaraServer server;

    /** The dataset's shape: the member range the load picks from and the member with the longest history. */
    record Dataset(
            long firstMember,
            long lastMember,
            long members,
            long transactions,
            long heavyMember,
            long heavyRows,
            int deepPage) {
        static Dataset of(Connection connection) throws SQLException {
            long first = Long.parseLong(single(connection, "SELECT MIN(user_id) FROM point_account"));
            long last = Long.parseLong(single(connection, "SELECT MAX(user_id) FROM point_account"));
            long members = Long.parseLong(single(connection, "SELECT COUNT(*) FROM point_account"));
            long transactions = Long.parseLong(single(connection, "SELECT COUNT(*) FROM point_transaction"));
            long heavy = Long.parseLong(single(
                    connection,
                    "SELECT user_id FROM point_transaction WHERE user_id BETWEEN " + first + " AND " + (first + 200)
                            + " GROUP BY user_id ORDER BY COUNT(*) DESC LIMIT 1"));
            long heavyRows = Long.parseLong(single(
                    connection,
                    "SELECT COUNT(*) FROM point_transaction WHERE user_id = " + heavy + " AND status = 'available'"));
            return new Dataset(first, last, members, transactions, heavy, heavyRows, (int) Math.max(1, heavyRows / 20));
        }
    }

    private BenchEnvironment(
            EmbeddedDatabase database,
            MariaDbDataSource source,
            Dataset dataset,
            long databasePid,
            String consumerKeyHash,
            String credentials,
            PayaraServer server) {
        this.database = database;
        this.source = source;
        this.dataset = dataset;
        this.databasePid = databasePid;
        this.consumerKeyHash = consumerKeyHash;
        this.credentials = credentials;
        this.server = server;
    }

    /**
     * Starts the database on {@code data/mariadb} and the server on a free port (its log in {@code data/<log>}),
     * and waits until the server is ready. Whatever started is stopped again when a later step fails.
     */
    static BenchEnvironment start(Path data, Path payaraJar, Path war, String log) throws Exception {
        if (!Files.isDirectory(data.resolve("mariadb"))) {
            throw new IllegalArgumentException("No dataset in " + data + ": run ./twork generate first"
                    + " (TWORK_DATA_DIR=" + data + "), or bench/run which does both");
        }
        EmbeddedDatabase database = EmbeddedDatabase.start(data.resolve("mariadb"));
        try {
            MariaDbDataSource source = new MariaDbDataSource(database.jdbcUrl());
            source.setUser(EmbeddedDatabase.USER);
            source.setPassword(EmbeddedDatabase.PASSWORD);
            String consumerKey = KeyHashing.newConsumerKey();
            String consumerSecret = KeyHashing.newConsumerSecret();
            Dataset dataset;
            long databasePid;
            try (Connection connection = source.getConnection()) {
                dataset = Dataset.of(connection);
                insertKey(connection, consumerKey, consumerSecret);
                databasePid = Long.parseLong(Files.readString(Path.of(single(connection, "SELECT @@pid_file")))
                        .trim());
            }
            Map<String, String> properties = Map.of(
                    "twork.db.url",
                    database.jdbcUrl(),
                    "twork.db.user",
                    EmbeddedDatabase.USER,
                    "twork.db.password",
                    EmbeddedDatabase.PASSWORD,
                    "twork.log.dir",
                    data.resolve("logs").toString());
            PayaraServer server = PayaraServer.launch(new PayaraServer.Options(
                    payaraJar, war, Ports.freePort(), data.resolve("payara"), properties, data.resolve(log)));
            try {
                server.awaitReady();
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            String credentials = Base64.getEncoder()
                    .encodeToString((consumerKey + ":" + consumerSecret).getBytes(StandardCharsets.UTF_8));
            return new BenchEnvironment(
                    database,
                    source,
                    dataset,
                    databasePid,
                    KeyHashing.consumerKeyHash(consumerKey),
                    credentials,
                    server);
        } catch (Exception | Error e) {
            database.close();
            throw e;
        }
    }

    Dataset dataset() {
        return dataset;
    }

    PayaraServer server() {
        return server;
    }

    long databasePid() {
        return databasePid;
    }

    String consumerKeyHash() {
        return consumerKeyHash;
    }

    /** base64(ck:cs) of the benchmark's API key (read and write), as bench/points.lua takes it. */
    String credentials() {
        return credentials;
    }

    /** The {@code Authorization} header of the benchmark's API key. */
    String authorization() {
        return "Basic " + credentials;
    }

    /** A new connection to the benchmark's database, outside the server's pool. */
    Connection connect() throws SQLException {
        return source.getConnection();
    }

    /** {@link #connect()} for load threads, which cannot throw checked exceptions. */
    Supplier<Connection> connections() {
        return () -> {
            try {
                return source.getConnection();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            database.close();
        }
    }

    static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void insertKey(Connection connection, String consumerKey, String consumerSecret)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO api_key (description, permissions, consumer_key_hash, consumer_secret_hash, truncated_key,"
                        + " created_at, created_by) VALUES ('Benchmark', 'read_write', ?, ?, ?, ?, 'bench')")) {
            insert.setString(1, KeyHashing.consumerKeyHash(consumerKey));
            insert.setString(2, KeyHashing.secretHash(consumerSecret));
            insert.setString(3, KeyHashing.truncated(consumerKey));
            insert.setObject(4, LocalDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }
}
