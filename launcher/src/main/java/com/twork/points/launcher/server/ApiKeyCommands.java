package com.twork.points.launcher.server;

import com.twork.points.security.control.KeyHashing;
import com.twork.points.security.entity.Permission;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * API key administration from the command line, for the first key before any console account exists. The key
 * material and its hashing are the server's own ({@link KeyHashing}); the secret is printed once and never
 * stored.
 */
public final class ApiKeyCommands {
    private static final String ACTOR = "cli";
    private final Connection connection;
    private final PrintStream out;

    public ApiKeyCommands(Connection connection, PrintStream out) {
        this.connection = connection;
        this.out = out;
    }

    public void create(String description, Permission permission) throws SQLException {
        String consumerKey = KeyHashing.newConsumerKey();
        String consumerSecret = KeyHashing.newConsumerSecret();
        long id = insert(description, permission, consumerKey, consumerSecret);
        out.println("Created API key " + id + " (" + permission.wire() + "). The secret is shown only now:");
        out.println("  consumer key:    " + consumerKey);
        out.println("  consumer secret: " + consumerSecret);
        out.println("Use it as HTTP Basic credentials, e.g. curl -u " + consumerKey + ":" + consumerSecret + " ...");
    }

    public void register(String consumerKey, String consumerSecret, String description, Permission permission)
            throws SQLException {
        if (!KeyHashing.isConsumerKey(consumerKey) || !KeyHashing.isConsumerSecret(consumerSecret)) {
            throw new IllegalArgumentException(
                    "A consumer key is ck_ plus 40 lower-case hex digits and a secret cs_ plus 40 hex digits");
        }
        long id = insert(description, permission, consumerKey, consumerSecret);
        out.println("Registered the existing key ..." + KeyHashing.truncated(consumerKey) + " as API key " + id + " ("
                + permission.wire() + ")");
    }

    public void list() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, description, permissions, truncated_key,"
                        + " created_at, last_access, revoked_at FROM api_key ORDER BY id")) {
            out.printf(
                    "%-6s %-10s %-12s %-28s %-28s %-28s %s%n",
                    "ID", "KEY", "PERMISSIONS", "CREATED (UTC)", "LAST ACCESS (UTC)", "REVOKED (UTC)", "DESCRIPTION");
            while (rows.next()) {
                out.printf(
                        "%-6d %-10s %-12s %-28s %-28s %-28s %s%n",
                        rows.getLong("id"),
                        "..." + rows.getString("truncated_key"),
                        rows.getString("permissions"),
                        rows.getString("created_at"),
                        String.valueOf(rows.getString("last_access")),
                        String.valueOf(rows.getString("revoked_at")),
                        rows.getString("description"));
            }
        }
    }

    public void revoke(long id) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE api_key SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")) {
            update.setObject(1, nowUtc());
            update.setString(2, ACTOR);
            update.setLong(3, id);
            int changed = update.executeUpdate();
            out.println(changed == 1 ? "Revoked API key " + id : "No active API key with id " + id);
        }
    }

    private long insert(String description, Permission permission, String consumerKey, String consumerSecret)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO api_key (description, permissions, consumer_key_hash, consumer_secret_hash,"
                        + " truncated_key, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, description);
            insert.setString(2, permission.wire());
            insert.setString(3, KeyHashing.consumerKeyHash(consumerKey));
            insert.setString(4, KeyHashing.secretHash(consumerSecret));
            insert.setString(5, KeyHashing.truncated(consumerKey));
            insert.setObject(6, nowUtc());
            insert.setString(7, ACTOR);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == 1062) {
                throw new IllegalArgumentException("That consumer key is already registered", e);
            }
            throw e;
        }
    }

    /** DATETIME columns hold UTC; a LocalDateTime is written as is, whatever this JVM's zone. */
    private static LocalDateTime nowUtc() {
        return LocalDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
