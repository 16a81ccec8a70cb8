package com.twork.points.it;

import com.twork.points.launcher.server.PayaraServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A MariaDB and a Payara Micro of a test's own (not the shared ones), for tests that kill or stop them: the
 * server is killed with SIGKILL by its process id, the database stopped and started again on the same port.
 */
public final class OwnServer implements AutoCloseable {
    private final Path work;
    private OwnDatabase database;
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
        own.database = OwnDatabase.in(work.resolve("mariadb"));
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
        database.start();
    }

    public void stopDatabase() {
        database.stop();
    }

    public void startServer() {
        server = TestServers.launch(work, database.jdbcUrl());
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
        return database.connect();
    }

    /** A read-write key written straight into this database. */
    public Fixtures.Key newKey() {
        return database.newKey();
    }

    public long count(String sql, Object... parameters) {
        return database.count(sql, parameters);
    }

    public void update(String sql, Object... parameters) {
        database.update(sql, parameters);
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
