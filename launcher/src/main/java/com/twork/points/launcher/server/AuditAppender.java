package com.twork.points.launcher.server;

import com.twork.points.audit.control.AuditEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Appends to the audit log from the command line exactly as the server's {@code AuditWriter} does: the chain
 * head locked ({@code FOR UPDATE}), the row hashed over its predecessor's hash, the head moved to it. Runs in the
 * caller's transaction, so the action and its audit row commit or vanish together.
 */
public final class AuditAppender {
    private AuditAppender() {}

    /** Appends the entry (its time should be whole microseconds, as the column keeps them); returns its id. */
    public static long append(Connection connection, AuditEntry entry) throws SQLException {
        String previous;
        try (Statement head = connection.createStatement();
                ResultSet row = head.executeQuery("SELECT last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")) {
            if (!row.next()) {
                throw new IllegalStateException("The audit chain head row is missing");
            }
            previous = row.getString(1);
        }
        String hash = entry.chainHash(previous);
        long id;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_log (created_at, actor, action, member_user_id, delta, reason, balance_before,"
                        + " balance_after, transaction_id, client_address, details, prev_hash, hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setObject(1, LocalDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
            insert.setString(2, entry.actor());
            insert.setString(3, entry.action());
            setLong(insert, 4, entry.memberUserId());
            setLong(insert, 5, entry.delta());
            insert.setString(6, entry.reason());
            setLong(insert, 7, entry.balanceBefore());
            setLong(insert, 8, entry.balanceAfter());
            setLong(insert, 9, entry.transactionId());
            insert.setString(10, entry.clientAddress());
            insert.setString(11, entry.details());
            insert.setString(12, previous);
            insert.setString(13, hash);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = 1")) {
            update.setLong(1, id);
            update.setString(2, hash);
            update.executeUpdate();
        }
        return id;
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
