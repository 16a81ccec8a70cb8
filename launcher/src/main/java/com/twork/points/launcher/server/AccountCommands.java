package com.twork.points.launcher.server;

import com.twork.points.audit.control.AuditEntry;
import com.twork.points.security.control.PasswordHashing;
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
 * Creates staff accounts from the command line: how the first admin comes to exist (no default password ships
 * anywhere). Uses the server's own password hashing and audit-chain rule, in one database transaction.
 */
public final class AccountCommands {
    private final Connection connection;
    private final PrintStream out;

    public AccountCommands(Connection connection, PrintStream out) {
        this.connection = connection;
        this.out = out;
    }

    public void createStaff(String login, String password, String role) throws SQLException {
        if (password.length() < PasswordHashing.MIN_LENGTH) {
            throw new IllegalArgumentException(
                    "The password needs at least " + PasswordHashing.MIN_LENGTH + " characters.");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        connection.setAutoCommit(false);
        try {
            long id;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO account (login, password_hash, role, enabled, created_at, updated_at)"
                            + " VALUES (?, ?, ?, TRUE, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, login);
                insert.setString(2, PasswordHashing.hash(password));
                insert.setString(3, role);
                insert.setObject(4, utc(now));
                insert.setObject(5, utc(now));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            AuditAppender.append(
                    connection,
                    new AuditEntry(
                            now,
                            "cli",
                            "account.created",
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            "localhost",
                            "account " + id + " " + login + " " + role));
            connection.commit();
            out.println("Created " + role + " account " + id + " (" + login + "). Log in to the console with it.");
        } catch (SQLException e) {
            connection.rollback();
            if (e.getErrorCode() == 1062) {
                throw new IllegalArgumentException("The login " + login + " is taken", e);
            }
            throw e;
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
