package com.twork.points.launcher.tools.legacy;

import com.twork.points.audit.control.AuditChain;
import com.twork.points.audit.control.AuditEntry;
import com.twork.points.launcher.server.AuditAppender;
import com.twork.points.launcher.server.AuditChainCheck;
import com.twork.points.ledger.entity.OrderKeys;
import com.twork.points.ledger.entity.TransactionSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an import into the target database inside the caller's transaction, then checks what it wrote the way
 * the reconciliation job and the audit verification would, before the caller commits.
 */
final class ImportWriter {
    static final String ACTOR = "import";
    static final int REASON_MAX = 1_000;
    private static final int BATCH = 500;

    private final Connection connection;
    private final Instant now;

    ImportWriter(Connection connection, Instant now) {
        this.connection = connection;
        this.now = now;
    }

    void members(List<MemberImport.Member> members) throws SQLException {
        batch(
                "INSERT INTO member (user_id, email, display_name, status, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                members,
                (statement, member) -> {
                    statement.setLong(1, member.userId());
                    statement.setString(2, member.email());
                    statement.setString(3, member.displayName());
                    statement.setString(4, member.status());
                    statement.setObject(5, utc(member.createdAt()));
                    statement.setObject(6, utc(now));
                });
    }

    void ledger(RebuiltLedger ledger) throws SQLException {
        batch(
                "INSERT INTO point_transaction (id, user_id, type, points, description, order_id, order_key,"
                        + " created_at, expires_at, remaining, status, source, actor, client_order_key, uncollectable,"
                        + " bonus_key, reverses_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ledger.rows(),
                (statement, row) -> {
                    statement.setLong(1, row.id());
                    statement.setLong(2, row.userId());
                    statement.setString(3, row.type().wire());
                    statement.setInt(4, row.points());
                    statement.setString(5, row.description());
                    statement.setString(6, row.orderId());
                    statement.setString(7, OrderKeys.normalise(row.orderId()));
                    statement.setObject(8, utc(row.createdAt()));
                    statement.setObject(9, row.expiresAt() == null ? null : utc(row.expiresAt()));
                    statement.setInt(10, row.remaining());
                    statement.setString(11, row.status().wire());
                    statement.setString(12, TransactionSource.IMPORT.wire());
                    statement.setString(13, ACTOR);
                    statement.setString(14, row.clientOrderKey());
                    statement.setInt(15, row.uncollectable());
                    statement.setString(16, row.bonusKey());
                    if (row.reversesId() == null) {
                        statement.setNull(17, Types.BIGINT);
                    } else {
                        statement.setLong(17, row.reversesId());
                    }
                });
        batch(
                "INSERT INTO point_allocation (debit_id, lot_id, points, created_at) VALUES (?, ?, ?, ?)",
                ledger.allocations(),
                (statement, allocation) -> {
                    statement.setLong(1, allocation.debitId());
                    statement.setLong(2, allocation.lotId());
                    statement.setInt(3, allocation.points());
                    statement.setObject(4, utc(allocation.createdAt()));
                });
        batch(
                "INSERT INTO point_account (user_id, balance, lifetime_earned, lifetime_redeemed, lifetime_expired,"
                        + " pending, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                ledger.accounts(),
                (statement, account) -> {
                    statement.setLong(1, account.userId());
                    statement.setLong(2, account.balance());
                    statement.setLong(3, account.lifetimeEarned());
                    statement.setLong(4, account.lifetimeRedeemed());
                    statement.setLong(5, account.lifetimeExpired());
                    statement.setLong(6, account.pending());
                    statement.setObject(7, utc(now));
                });
        // The plugin kept no order totals: 0 here, the next webhook for the order brings the real ones.
        batch(
                "INSERT INTO shop_order (order_id, user_id, status, total, eligible_total, awarded,"
                        + " award_transaction_id, award_count, reversed, refunded_redeemed, first_seen_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
                ledger.orders(),
                (statement, order) -> {
                    statement.setString(1, order.orderId());
                    statement.setLong(2, order.userId());
                    statement.setString(3, order.status());
                    statement.setBigDecimal(4, BigDecimal.ZERO);
                    statement.setBigDecimal(5, BigDecimal.ZERO);
                    statement.setInt(6, order.awarded());
                    statement.setLong(7, order.awardTransactionId());
                    statement.setInt(8, order.reversed());
                    statement.setInt(9, order.refundedRedeemed());
                    statement.setObject(10, utc(order.firstSeenAt()));
                    statement.setObject(11, utc(now));
                });
    }

    void keys(List<KeyImport.Key> keys) throws SQLException {
        batch(
                "INSERT INTO api_key (description, permissions, consumer_key_hash, consumer_secret_hash, truncated_key,"
                        + " created_at, created_by, last_access) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                keys,
                (statement, key) -> {
                    statement.setString(1, key.description());
                    statement.setString(2, key.permission().wire());
                    statement.setString(3, key.consumerKeyHash());
                    statement.setString(4, key.secretHash());
                    statement.setString(5, key.truncatedKey());
                    statement.setObject(6, utc(now));
                    statement.setString(7, ACTOR);
                    statement.setObject(8, key.lastAccess() == null ? null : utc(key.lastAccess()));
                });
    }

    /**
     * Each setting takes the legacy value unless someone changed it here already (SPEC §7: imports never clobber a
     * changed value); returns one report line per setting.
     */
    List<String> settings(List<SettingsImport.Change> changes) throws SQLException {
        List<String> lines = new ArrayList<>();
        for (SettingsImport.Change change : changes) {
            String name = change.key().key();
            try (PreparedStatement update = connection.prepareStatement("UPDATE setting SET value = ?, updated_at = ?,"
                    + " updated_by = ? WHERE name = ? AND updated_by = 'seed'")) {
                update.setString(1, change.value());
                update.setObject(2, utc(now));
                update.setString(3, ACTOR);
                update.setString(4, name);
                if (update.executeUpdate() == 1) {
                    lines.add(name + " = " + change.value() + " (from " + change.from() + ")");
                    continue;
                }
            }
            try (PreparedStatement current =
                    connection.prepareStatement("SELECT value, updated_by FROM setting WHERE name = ?")) {
                current.setString(1, name);
                try (ResultSet row = current.executeQuery()) {
                    if (row.next()) {
                        lines.add(name + " kept at " + row.getString(1) + " (changed by " + row.getString(2)
                                + "; the plugin had " + change.value() + ")");
                        continue;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO setting (name, value, updated_at, updated_by) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, name);
                insert.setString(2, change.value());
                insert.setObject(3, utc(now));
                insert.setString(4, ACTOR);
                insert.executeUpdate();
                lines.add(name + " = " + change.value() + " (from " + change.from() + ")");
            }
        }
        return lines;
    }

    /** The plugin's audit rows (admin adjustments) join the hash chain with their own times and actors. */
    void legacyAudit(List<LegacySnapshot.AuditRow> rows, String prefix) throws SQLException {
        for (LegacySnapshot.AuditRow row : rows) {
            String reason = row.reason() == null || row.reason().length() <= REASON_MAX
                    ? row.reason()
                    : row.reason().substring(0, REASON_MAX);
            AuditAppender.append(
                    connection,
                    new AuditEntry(
                            row.createdAt(),
                            "wp-user:" + row.adminUserId(),
                            "legacy.points.adjusted",
                            row.userId(),
                            (long) row.points(),
                            reason,
                            null,
                            null,
                            null,
                            null,
                            prefix + "twork_point_audit_log #" + row.id()));
        }
    }

    long recordImport(LegacySnapshot source, ImportCounts counts, String actor, String report) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO legacy_import (source_identity, source_fingerprint, source_location, table_prefix,"
                        + " imported_at, imported_by, members, transactions, api_keys, audit_rows, anomalies,"
                        + " max_legacy_id, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, source.identity());
            insert.setString(2, source.fingerprint());
            insert.setString(3, source.location());
            insert.setString(4, source.prefix());
            insert.setObject(5, utc(now));
            insert.setString(6, actor);
            insert.setInt(7, counts.members());
            insert.setInt(8, counts.transactions());
            insert.setInt(9, counts.apiKeys());
            insert.setInt(10, counts.auditRows());
            insert.setInt(11, counts.anomalies());
            insert.setLong(12, counts.maxLegacyId());
            insert.setString(13, report);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    void auditImport(String actor, String details) throws SQLException {
        AuditAppender.append(
                connection,
                new AuditEntry(
                        now, actor, "legacy.imported", null, null, null, null, null, null, "localhost", details));
    }

    /** What the import wrote, counted for the report and the import log. */
    record ImportCounts(int members, int transactions, int apiKeys, int auditRows, int anomalies, long maxLegacyId) {}

    /**
     * SPEC §2's invariant for every member (balance = Σ remaining of available lots = Σ available credits − Σ
     * debits ≥ 0), every debit fully allocated, every lot's remaining plus what debits hold of it equal to its
     * points, and the audit chain intact. A failure here is a bug in the rebuild: the caller rolls back.
     */
    AuditChain.Result check() throws SQLException {
        long drifted = count("SELECT COUNT(*) FROM point_account a LEFT JOIN (SELECT user_id,"
                + " SUM(CASE WHEN status = 'available' THEN remaining ELSE 0 END) AS lots,"
                + " SUM(CASE WHEN status <> 'available' THEN 0 WHEN type IN ('redeem', 'expire') THEN -points"
                + " ELSE points END) AS net FROM point_transaction GROUP BY user_id) t ON t.user_id = a.user_id"
                + " WHERE a.balance < 0 OR a.balance <> COALESCE(t.lots, 0) OR a.balance <> COALESCE(t.net, 0)");
        long unallocated = count("SELECT COUNT(*) FROM point_transaction d WHERE d.status = 'available'"
                + " AND (d.type IN ('redeem', 'expire') OR (d.type = 'adjust' AND d.points < 0))"
                + " AND ABS(d.points) <> (SELECT COALESCE(SUM(a.points), 0) FROM point_allocation a"
                + " WHERE a.debit_id = d.id)");
        long overdrawn = count("SELECT COUNT(*) FROM point_transaction l WHERE l.status = 'available'"
                + " AND l.points > 0 AND l.type NOT IN ('redeem', 'expire')"
                + " AND l.remaining + (SELECT COALESCE(SUM(a.points - a.restored), 0) FROM point_allocation a"
                + " WHERE a.lot_id = l.id) <> l.points");
        if (drifted + unallocated + overdrawn > 0) {
            throw new IllegalStateException("The rebuilt ledger failed its own check (" + drifted
                    + " account(s) off their lots, " + unallocated + " debit(s) not fully allocated, " + overdrawn
                    + " lot(s) inconsistent); nothing was written");
        }
        AuditChain.Result audit = AuditChainCheck.verify(connection);
        if (!audit.intact()) {
            throw new IllegalStateException(
                    "The audit chain would not verify (" + audit.detail() + "); nothing was written");
        }
        return audit;
    }

    private long count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement statement, T value) throws SQLException;
    }

    private <T> void batch(String sql, List<T> values, Binder<T> binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (T value : values) {
                binder.bind(statement, value);
                statement.addBatch();
                if (++pending == BATCH) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
