package com.twork.points.launcher.server;

import com.twork.points.setting.control.SettingKey;
import com.twork.points.tier.control.TierLadder;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * {@code ./twork seed}: the default settings and tiers (SPEC §7, §6.3) without touching a value someone changed
 * ({@code --force} resets those too), and with {@code --sample} a few demo members and transactions. Every row
 * is keyed (setting name, tier key, member id, {@code client_ref}), so running it again changes nothing.
 */
public final class SeedCommands {
    static final long FIRST_SAMPLE_MEMBER = 990_000_001L;
    static final int SAMPLE_MEMBERS = 5;

    private final Connection connection;
    private final PrintStream out;

    public SeedCommands(Connection connection, PrintStream out) {
        this.connection = connection;
        this.out = out;
    }

    public void seed(boolean force, boolean sample) throws SQLException {
        connection.setAutoCommit(false);
        try {
            int settings = settings(force);
            int tiers = tiers(force);
            int samples = sample ? samples() : 0;
            connection.commit();
            out.println("Seeded " + settings + " setting(s), " + tiers + " tier(s)"
                    + (sample ? ", " + samples + " sample row(s)" : "") + (force ? " (forced)" : ""));
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    private int settings(boolean force) throws SQLException {
        String sql = force
                ? "INSERT INTO setting (name, value, updated_at, updated_by) VALUES (?, ?, ?, 'seed')"
                        + " ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at), updated_by = 'seed'"
                : "INSERT IGNORE INTO setting (name, value, updated_at, updated_by) VALUES (?, ?, ?, 'seed')";
        int changed = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (SettingKey key : SettingKey.values()) {
                statement.setString(1, key.key());
                statement.setString(2, key.defaultValue());
                statement.setObject(3, now());
                changed += Math.min(1, statement.executeUpdate());
            }
        }
        return changed;
    }

    private int tiers(boolean force) throws SQLException {
        String sql = force
                ? "INSERT INTO tier (tier_key, label, threshold, multiplier, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 'seed')"
                        + " ON DUPLICATE KEY UPDATE label = VALUES(label), threshold = VALUES(threshold),"
                        + " multiplier = VALUES(multiplier), updated_at = VALUES(updated_at), updated_by = 'seed'"
                : "INSERT IGNORE INTO tier (tier_key, label, threshold, multiplier, updated_at, updated_by)"
                        + " VALUES (?, ?, ?, ?, ?, 'seed')";
        int changed = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (TierLadder.Rung rung : TierLadder.DEFAULT.rungs()) {
                statement.setString(1, rung.key());
                statement.setString(2, rung.label());
                statement.setLong(3, rung.threshold());
                statement.setBigDecimal(4, rung.multiplier());
                statement.setObject(5, now());
                changed += Math.min(1, statement.executeUpdate());
            }
        }
        return changed;
    }

    /** Demo members, each with an earn lot keyed by client_ref, and its account totals when the lot is new. */
    private int samples() throws SQLException {
        int changed = 0;
        try (PreparedStatement member = connection.prepareStatement(
                        "INSERT IGNORE INTO member (user_id, email, display_name, status, created_at, updated_at)"
                                + " VALUES (?, ?, ?, 'active', ?, ?)");
                PreparedStatement lot = connection.prepareStatement("INSERT IGNORE INTO point_transaction (user_id,"
                        + " type, points, description, created_at, expires_at, remaining, status, source, actor, client_ref)"
                        + " VALUES (?, 'earn', ?, 'Sample welcome points', ?, ?, ?, 'available', 'admin', 'seed', ?)");
                PreparedStatement account = connection.prepareStatement("INSERT INTO point_account (user_id, balance,"
                        + " lifetime_earned, updated_at) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                        + " balance = balance + VALUES(balance), lifetime_earned = lifetime_earned + VALUES(lifetime_earned),"
                        + " updated_at = VALUES(updated_at), next_expiry = NULL")) {
            for (int i = 0; i < SAMPLE_MEMBERS; i++) {
                long id = FIRST_SAMPLE_MEMBER + i;
                int points = 100 * (i + 1);
                member.setLong(1, id);
                member.setString(2, "sample" + (i + 1) + "@example.com");
                member.setString(3, "Sample Member " + (i + 1));
                member.setObject(4, now());
                member.setObject(5, now());
                changed += member.executeUpdate();
                lot.setLong(1, id);
                lot.setInt(2, points);
                lot.setObject(3, now());
                lot.setObject(4, now().plusDays(365));
                lot.setInt(5, points);
                lot.setString(6, "seed-sample-" + id);
                if (lot.executeUpdate() == 1) {
                    changed++;
                    account.setLong(1, id);
                    account.setLong(2, points);
                    account.setLong(3, points);
                    account.setObject(4, now());
                    account.executeUpdate();
                }
            }
        }
        return changed;
    }

    private static LocalDateTime now() {
        return LocalDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
