package com.twork.points.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The right to migrate the schema, held by one process at a time across every database node. Flyway's own lock
 * ({@code GET_LOCK}, or a row lock) lives in one MariaDB server: on a Galera cluster two instances starting at once
 * through different nodes both took it, both ran V1, and one left a failed migration in the history (seen on this
 * machine). A committed row is seen by every node: two claims inserted at once on two nodes are settled by
 * certification (one fails with 1213) and a later one fails on the key (1062). The holder refreshes the row while it
 * works; a row left by a killed process is taken over once it is {@link #STALE_SECONDS} old.
 */
final class MigrationClaim implements AutoCloseable {
    static final int STALE_SECONDS = 30;
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final Duration PATIENCE = Duration.ofMinutes(30);
    private static final Logger LOG = Logger.getLogger(MigrationClaim.class.getName());

    private final DataSource dataSource;
    private final String owner;
    private final ScheduledExecutorService heartbeat;

    private MigrationClaim(DataSource dataSource, String owner) {
        this.dataSource = dataSource;
        this.owner = owner;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "schema-migration-claim");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Waits until this process holds the claim (other processes' migrations run meanwhile). */
    static MigrationClaim take(DataSource dataSource) {
        MigrationClaim claim = new MigrationClaim(dataSource, UUID.randomUUID().toString());
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        boolean told = false;
        while (!claim.tryInsert()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Another process has held the schema migration claim for "
                        + PATIENCE.toMinutes() + " minutes (table schema_migration_claim)");
            }
            if (!told) {
                LOG.info("Another instance is migrating the schema; waiting for it");
                told = true;
            }
            pause(200 + (long) (Math.random() * 300));
        }
        claim.heartbeat.scheduleWithFixedDelay(
                claim::refresh, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        return claim;
    }

    private boolean tryInsert() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            // Created here rather than by a migration: it must exist before the first one runs. Concurrent
            // CREATE TABLE IF NOT EXISTS on two nodes is harmless (DDL is totally ordered on Galera).
            statement.executeUpdate(
                    "CREATE TABLE IF NOT EXISTS schema_migration_claim (id TINYINT NOT NULL PRIMARY KEY,"
                            + " owner VARCHAR(64) NOT NULL, refreshed_at DATETIME(6) NOT NULL) ENGINE=InnoDB");
            statement.executeUpdate("DELETE FROM schema_migration_claim WHERE refreshed_at < UTC_TIMESTAMP(6)"
                    + " - INTERVAL " + STALE_SECONDS + " SECOND");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO schema_migration_claim (id, owner, refreshed_at) VALUES (1, ?, UTC_TIMESTAMP(6))")) {
                insert.setString(1, owner);
                insert.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            if (TransientFailures.mariaDbErrorCode(e) != 0) {
                // 1062: held by another process; 1213: another node's claim won certification.
                return false;
            }
            throw new IllegalStateException("Could not claim the schema migration: " + e.getMessage(), e);
        }
    }

    private void refresh() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE schema_migration_claim SET refreshed_at = UTC_TIMESTAMP(6) WHERE id = 1 AND owner = ?")) {
            connection.setAutoCommit(true);
            update.setString(1, owner);
            update.executeUpdate();
        } catch (SQLException e) {
            // A lost refresh is made up by the next one (the claim goes stale only after several).
            LOG.warning(() -> "Schema migration claim not refreshed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM schema_migration_claim WHERE id = 1 AND owner = ?")) {
            connection.setAutoCommit(true);
            delete.setString(1, owner);
            delete.executeUpdate();
        } catch (SQLException e) {
            // The others then wait until the row is stale.
            LOG.warning(() -> "Schema migration claim not released: " + e.getMessage());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the schema migration claim", e);
        }
    }
}
