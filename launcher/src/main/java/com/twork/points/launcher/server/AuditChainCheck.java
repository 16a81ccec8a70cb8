package com.twork.points.launcher.server;

import com.twork.points.audit.control.AuditChain;
import com.twork.points.audit.control.AuditEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's audit-chain verification ({@link AuditChain}, as {@code AuditService.verify} runs it) over a
 * plain JDBC connection: the commands that append to the chain check it before they commit.
 */
public final class AuditChainCheck {
    private AuditChainCheck() {}

    public static AuditChain.Result verify(Connection connection) throws SQLException {
        long headId;
        String headHash;
        try (Statement statement = connection.createStatement();
                ResultSet head =
                        statement.executeQuery("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1")) {
            if (!head.next()) {
                throw new IllegalStateException("The audit chain head row is missing");
            }
            headId = head.getLong(1);
            headHash = head.getString(2);
        }
        try {
            return AuditChain.verify(
                    headId, headHash, (afterId, upTo, limit) -> page(connection, afterId, upTo, limit));
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
    }

    private static List<AuditChain.StoredRow> page(Connection connection, long afterId, long upTo, int limit) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, created_at, actor, action,"
                        + " member_user_id, delta, reason, balance_before, balance_after, transaction_id, client_address,"
                        + " details, prev_hash, hash, redacted_by FROM audit_log WHERE id > ? AND id <= ? ORDER BY id LIMIT ?")) {
            statement.setLong(1, afterId);
            statement.setLong(2, upTo);
            statement.setInt(3, limit);
            List<AuditChain.StoredRow> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    AuditEntry entry = new AuditEntry(
                            row.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                            row.getString(3),
                            row.getString(4),
                            number(row, 5),
                            number(row, 6),
                            row.getString(7),
                            number(row, 8),
                            number(row, 9),
                            number(row, 10),
                            row.getString(11),
                            row.getString(12));
                    rows.add(new AuditChain.StoredRow(
                            row.getLong(1), entry, row.getString(13), row.getString(14), number(row, 15)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the audit log failed: " + e.getMessage(), e);
        }
    }

    private static Long number(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
