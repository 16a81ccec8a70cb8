package com.twork.points.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions over one member's ledger as stored, straight from the database. */
public final class Ledger {
    private Ledger() {}

    /**
     * SPEC §2: balance = Σ remaining of available lots = Σ available credits − Σ debits ≥ 0, and every counting
     * debit's allocations add up to its points (no half-written use case; void rows never count).
     */
    public static long assertInvariant(long userId) {
        return assertInvariant(Fixtures::count, userId);
    }

    /** Counts with SQL in some database: the shared one ({@link Fixtures#count}) or another one a test made. */
    @FunctionalInterface
    public interface Counter {
        long count(String sql, Object... parameters);
    }

    /** {@link #assertInvariant(long)} in the database {@code db} reads. */
    public static long assertInvariant(Counter db, long userId) {
        long balance = db.count("SELECT COALESCE(MAX(balance), 0) FROM point_account WHERE user_id = ?", userId);
        long remaining = db.count(
                "SELECT COALESCE(SUM(remaining), 0) FROM point_transaction"
                        + " WHERE user_id = ? AND status = 'available'",
                userId);
        long net = db.count(
                "SELECT COALESCE(SUM(CASE WHEN type IN ('redeem', 'expire') THEN -points"
                        + " ELSE points END), 0) FROM point_transaction WHERE user_id = ? AND status = 'available'",
                userId);
        assertEquals(balance, remaining, "balance = sum of remaining of available lots for member " + userId);
        assertEquals(balance, net, "balance = credits - debits for member " + userId);
        assertTrue(balance >= 0, "balance >= 0");
        long unbalancedDebits = db.count(
                "SELECT COUNT(*) FROM point_transaction d WHERE d.user_id = ? AND d.status = 'available'"
                        + " AND d.type IN ('redeem', 'expire') AND d.points <> (SELECT COALESCE(SUM(a.points), 0)"
                        + " FROM point_allocation a WHERE a.debit_id = d.id)",
                userId);
        assertEquals(0, unbalancedDebits, "every debit is fully allocated");
        long overdrawnLots = db.count(
                "SELECT COUNT(*) FROM point_transaction l WHERE l.user_id = ? AND l.status = 'available'"
                        + " AND l.points > 0 AND l.type NOT IN ('redeem', 'expire', 'refund')"
                        // A redemption given back (a refund, or a staff void's adjust) puts its points back into
                        // the lots they came from: only the part that needed a new lot is its own remaining.
                        + " AND NOT EXISTS (SELECT 1 FROM point_transaction r WHERE r.id = l.reverses_id"
                        + " AND r.type = 'redeem')"
                        + " AND l.remaining + (SELECT COALESCE(SUM(a.points - a.restored), 0) FROM point_allocation a"
                        + " WHERE a.lot_id = l.id) <> l.points",
                userId);
        assertEquals(0, overdrawnLots, "each lot's remaining + what debits still hold of it = its points");
        long lateNextExpiry = db.count(
                "SELECT COUNT(*) FROM point_account a WHERE a.user_id = ? AND a.next_expiry > (SELECT MIN(t.lot_expiry)"
                        + " FROM point_transaction t WHERE t.user_id = a.user_id AND t.lot_expiry IS NOT NULL)",
                userId);
        assertEquals(0, lateNextExpiry, "the account's next_expiry is never later than its earliest open lot's expiry");
        long earlySyncMark = db.count(
                "SELECT COUNT(*) FROM point_account a WHERE a.user_id = ? AND a.last_sync_at < (SELECT"
                        + " MAX(t.created_at) FROM point_transaction t WHERE t.user_id = a.user_id AND t.source = 'sync')",
                userId);
        assertEquals(0, earlySyncMark, "the account's last_sync_at is never before its newest /sync row");
        return balance;
    }

    public static long rows(long userId) {
        return Fixtures.count("SELECT COUNT(*) FROM point_transaction WHERE user_id = ?", userId);
    }

    public static long balance(long userId) {
        return Fixtures.count("SELECT COALESCE(MAX(balance), 0) FROM point_account WHERE user_id = ?", userId);
    }

    /** A fingerprint of everything stored for the member, to prove a rejected request changed nothing. */
    public static String snapshot(long userId) {
        return Fixtures.text(
                "SELECT CONCAT_WS('|', (SELECT COUNT(*) FROM point_transaction WHERE user_id = ?),"
                        + " (SELECT COALESCE(SUM(remaining), 0) FROM point_transaction WHERE user_id = ?),"
                        + " (SELECT COUNT(*) FROM point_allocation a JOIN point_transaction t ON t.id = a.debit_id"
                        + " WHERE t.user_id = ?),"
                        + " (SELECT COALESCE(MAX(CONCAT(balance, '/', lifetime_earned, '/', lifetime_redeemed, '/',"
                        + " lifetime_expired, '/', pending, '/', version)), 'none') FROM point_account WHERE user_id = ?),"
                        + " (SELECT COUNT(*) FROM member WHERE user_id = ?))",
                userId,
                userId,
                userId,
                userId,
                userId);
    }
}
