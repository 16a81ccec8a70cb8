package com.twork.points.launcher.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The database the commands work on: the configured existing MariaDB, or the embedded one (the running
 * server's, found through the port file it leaves in the data folder, else started here for the command).
 */
public final class Database implements AutoCloseable {
    private final String url;
    private final String user;
    private final String password;
    private final EmbeddedDatabase startedHere;

    private Database(String url, String user, String password, EmbeddedDatabase startedHere) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.startedHere = startedHere;
    }

    public static Database open() {
        Optional<String> external = LauncherConfig.externalDatabaseUrl();
        if (external.isPresent()) {
            return new Database(external.get(), LauncherConfig.databaseUser(), LauncherConfig.databasePassword(), null);
        }
        Optional<Integer> running = runningEmbeddedPort(LauncherConfig.dataDir());
        if (running.isPresent()) {
            return new Database(
                    EmbeddedDatabase.jdbcUrl(running.get()), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD, null);
        }
        EmbeddedDatabase db = EmbeddedDatabase.start(LauncherConfig.dataDir().resolve("mariadb"));
        return new Database(db.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD, db);
    }

    public MariaDbDataSource dataSource() {
        try {
            MariaDbDataSource dataSource = new MariaDbDataSource(url);
            dataSource.setUser(user);
            dataSource.setPassword(password);
            return dataSource;
        } catch (SQLException e) {
            throw new IllegalStateException("Bad database URL " + url + ": " + e.getMessage(), e);
        }
    }

    public Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        if (startedHere != null) {
            startedHere.close();
        }
    }

    static Path portFile(Path dataDir) {
        return dataDir.resolve("mariadb").resolve("port");
    }

    private static Optional<Integer> runningEmbeddedPort(Path dataDir) {
        Path file = portFile(dataDir);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            int port = Integer.parseInt(Files.readString(file).trim());
            try (Connection ignored = new MariaDbDataSource(EmbeddedDatabase.jdbcUrl(port) + "?connectTimeout=2000")
                    .getConnection(EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD)) {
                return Optional.of(port);
            }
        } catch (IOException | NumberFormatException | SQLException e) {
            return Optional.empty();
        }
    }
}
