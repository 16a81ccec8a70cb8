package com.twork.points.launcher.server;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Deployment configuration of the command line: a system property {@code twork.x.y} wins over the environment
 * variable {@code TWORK_X_Y} (the same mapping MicroProfile Config uses inside the server), then the default.
 */
public final class LauncherConfig {
    private LauncherConfig() {}

    public static Optional<String> value(String key) {
        String property = System.getProperty(key);
        if (property != null && !property.isBlank()) {
            return Optional.of(property.trim());
        }
        String env = System.getenv(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        return env == null || env.isBlank() ? Optional.empty() : Optional.of(env.trim());
    }

    public static String value(String key, String defaultValue) {
        return value(key).orElse(defaultValue);
    }

    public static int httpPort() {
        return Integer.parseInt(value("twork.http.port", "8080"));
    }

    /**
     * The one address the server listens on: loopback unless told otherwise, like most development servers (the
     * embedded database beside it is loopback-only too). {@code 0.0.0.0} exposes it on every interface (phones on a
     * LAN); behind nginx on another host, the private interface's address.
     */
    public static String httpHost() {
        return value("twork.http.host", "127.0.0.1");
    }

    public static Path dataDir() {
        return Path.of(value("twork.data.dir", "data")).toAbsolutePath();
    }

    /** Set when an existing MariaDB is to be used instead of the embedded one. */
    public static Optional<String> externalDatabaseUrl() {
        return value("twork.db.url");
    }

    public static String databaseUser() {
        return value("twork.db.user", "twork");
    }

    public static String databasePassword() {
        return value("twork.db.password")
                .orElseThrow(() -> new IllegalStateException(
                        "TWORK_DB_URL is set, so TWORK_DB_PASSWORD (or -Dtwork.db.password) is required too"));
    }
}
