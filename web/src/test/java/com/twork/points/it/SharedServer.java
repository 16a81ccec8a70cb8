package com.twork.points.it;

import com.twork.points.launcher.server.EmbeddedDatabase;
import com.twork.points.launcher.server.PayaraServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * Starts one real MariaDB and one Payara Micro with the built WAR for the whole test run (all HTTP suites share
 * them, JUnit and jqwik alike; booting Payara per class would cost 20 s each), and stops both when the test JVM
 * ends. Fresh database folder per run; every test creates its own members and keys, so no test depends on
 * another.
 */
public final class SharedServer implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        Running.get();
    }

    /** The shared server's console output (Payara's start-up messages, its route list among them). */
    public static Path serverLog() {
        Running.get();
        return workDir().resolve("payara.log");
    }

    private static Path workDir() {
        return Path.of(System.getProperty("twork.it.work-dir", "target/it")).toAbsolutePath();
    }

    /** Called (by {@link ContainerDatabase}) before an Arquillian container starts. */
    public static void prepareForArquillian() throws IOException {
        Running running = Running.get();
        writeArquillianProperties(running.database, running.server.baseUrl());
    }

    /** Where the in-container (Arquillian) Payara finds the test database: the same one the HTTP suites use. */
    private static void writeArquillianProperties(EmbeddedDatabase database, String sharedServer) throws IOException {
        Path file =
                Path.of(System.getProperty("twork.it.work-dir", "target/it")).resolve("arquillian.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(
                file,
                "twork.db.url=" + database.jdbcUrl().replace(":", "\\:") + "\n"
                        + "twork.db.user=" + EmbeddedDatabase.USER + "\n"
                        + "twork.db.password=" + EmbeddedDatabase.PASSWORD + "\n"
                        + "twork.settings.refresh-millis=0\n"
                        + "twork.it.shared-server=" + sharedServer.replace(":", "\\:") + "\n");
    }

    /** The running pair, started on first use and stopped by a shutdown hook of the test JVM. */
    static final class Running {
        private static Running current;
        final EmbeddedDatabase database;
        final PayaraServer server;

        private Running(EmbeddedDatabase database, PayaraServer server) {
            this.database = database;
            this.server = server;
        }

        static Running start() {
            Path work = workDir();
            TestServers.deleteTree(work);
            EmbeddedDatabase database = EmbeddedDatabase.start(work.resolve("mariadb"));
            PayaraServer server = null;
            try {
                server = TestServers.launch(work, database.jdbcUrl());
                trustTheTestsAsProxy(database);
            } catch (SQLException | RuntimeException e) {
                if (server != null) {
                    server.close();
                }
                database.close();
                throw new IllegalStateException("The test server did not start; see " + work.resolve("payara.log"), e);
            }
            Running running = new Running(database, server);
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "stop-test-server"));
            return running;
        }

        /**
         * The tests are the proxy: they send {@code X-Forwarded-For} with a made-up client per request, so the
         * per-client auth-failure throttle of one test never blocks another (the throttle tests pick a fixed one).
         */
        private static void trustTheTestsAsProxy(EmbeddedDatabase database) throws SQLException {
            try (Connection connection = new MariaDbDataSource(database.jdbcUrl())
                            .getConnection(EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE setting SET value = '127.0.0.1', updated_by = 'test'"
                        + " WHERE name = 'trusted_proxies'");
                // Jobs run only when a test makes them due (Jobs.runNow), never in the middle of another test.
                statement.executeUpdate("UPDATE setting SET value = '1440', updated_by = 'test'"
                        + " WHERE name = 'expiry_interval_minutes'");
                statement.executeUpdate("UPDATE job_schedule SET next_run_at = UTC_TIMESTAMP(6) + INTERVAL 1 DAY");
            }
        }

        static synchronized Running get() {
            if (current == null) {
                current = start();
            }
            return current;
        }

        void close() {
            try {
                server.close();
            } finally {
                database.close();
            }
        }
    }
}
