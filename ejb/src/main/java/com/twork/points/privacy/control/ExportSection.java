package com.twork.points.privacy.control;

/**
 * One section of a member's export (docs/privacy.md "Export"): its key in the document, the table it comes from,
 * whether it is one object or a list, and the statement (parameter 1: the user id) whose column labels are the
 * section's documented keys. Every table that refers to a member appears here; {@code PrivacyIT} checks that
 * against the schema, so a new table cannot be forgotten silently.
 */
public enum ExportSection {
    MEMBER(
            "member",
            "member",
            true,
            "SELECT user_id, email, display_name, status, birthday, created_at, updated_at FROM member"
                    + " WHERE user_id = ?"),
    ACCOUNT(
            "account",
            "point_account",
            true,
            "SELECT balance, lifetime_earned, lifetime_redeemed, lifetime_expired, pending, updated_at"
                    + " FROM point_account WHERE user_id = ?"),
    TRANSACTIONS(
            "transactions",
            "point_transaction",
            false,
            "SELECT id, type, points, remaining, uncollectable, status, description, order_id, source, actor,"
                    + " client_ref, bonus_key, referred_user_id, reverses_id, created_at, expires_at, release_at"
                    + " FROM point_transaction WHERE user_id = ? ORDER BY id"),
    ALLOCATIONS(
            "allocations",
            "point_allocation",
            false,
            "SELECT a.id, a.debit_id, a.lot_id, a.points, a.restored, a.created_at FROM point_allocation a"
                    + " JOIN point_transaction d ON d.id = a.debit_id WHERE d.user_id = ? ORDER BY a.id"),
    ORDERS(
            "orders",
            "shop_order",
            false,
            "SELECT order_id, status, total, eligible_total, awarded, award_transaction_id, award_count, reversed,"
                    + " refunded_redeemed, date_modified_gmt, first_seen_at, updated_at, last_payload FROM shop_order"
                    + " WHERE user_id = ? ORDER BY first_seen_at, order_id"),
    ORDER_REFUNDS(
            "order_refunds",
            "shop_order_refund",
            false,
            "SELECT r.refund_id, r.order_id, r.amount, r.points_reversed, r.created_at FROM shop_order_refund r"
                    + " JOIN shop_order o ON o.order_id = r.order_id WHERE o.user_id = ? ORDER BY r.refund_id"),
    ORDER_AWARD_ENTRIES(
            "order_award_entries",
            "order_award_entry",
            false,
            "SELECT id, transaction_id, order_id, line_key, rule_id, rule_version, label, points, reversed, capped,"
                    + " award_day, awarded_at, product_id, quantity, amount, tier_key, tier_multiplier"
                    + " FROM order_award_entry WHERE user_id = ?"
                    + " ORDER BY id"),
    LOGINS(
            "logins",
            "account",
            false,
            "SELECT id, login, role, enabled, created_at, updated_at, last_login_at FROM account"
                    + " WHERE member_user_id = ? ORDER BY id"),
    SESSIONS(
            "sessions",
            "login_session",
            false,
            "SELECT s.id, s.account_id, s.created_at, s.last_seen_at, s.client_address FROM login_session s"
                    + " JOIN account a ON a.id = s.account_id WHERE a.member_user_id = ? ORDER BY s.id"),
    AUDIT(
            "audit",
            "audit_log",
            false,
            "SELECT id, created_at, actor, action, delta, reason, balance_before, balance_after, transaction_id,"
                    + " client_address, details, redacted_by FROM audit_log WHERE member_user_id = ?1"
                    + " OR actor IN (SELECT CONCAT('account:', id) FROM account WHERE member_user_id = ?1)"
                    + " ORDER BY id"),
    WEBHOOK_DELIVERIES(
            "webhook_deliveries",
            "webhook_delivery",
            false,
            "SELECT d.id, d.delivery_id, d.topic, d.resource_id, d.outcome, d.detail, d.received_at, d.payload"
                    + " FROM webhook_delivery d WHERE (d.topic LIKE 'customer.%' AND d.resource_id IN"
                    + " (CAST(?1 AS CHAR) COLLATE utf8mb4_unicode_ci, CONCAT('\"', ?1, '\"') COLLATE utf8mb4_unicode_ci))"
                    + " OR (d.topic LIKE 'order.%' AND EXISTS (SELECT 1"
                    + " FROM shop_order o WHERE o.user_id = ?1 AND d.resource_id IN (o.order_id,"
                    + " CONCAT('\"', o.order_id, '\"')))) ORDER BY d.id"),
    IDEMPOTENCY_RECORDS(
            "idempotency_records",
            "idempotency_record",
            false,
            "SELECT id, http_method, path, idempotency_key, state, response_status, response_body, created_at,"
                    + " expires_at FROM idempotency_record WHERE member_user_id = ? ORDER BY id");

    private final String key;
    private final String table;
    private final boolean single;
    private final String sql;

    ExportSection(String key, String table, boolean single, String sql) {
        this.key = key;
        this.table = table;
        this.single = single;
        this.sql = sql;
    }

    public String key() {
        return key;
    }

    public String table() {
        return table;
    }

    public boolean single() {
        return single;
    }

    /** The statement in JDBC form: every {@code ?1} and {@code ?} is the user id. */
    String jdbc() {
        return sql.replace("?1", "?");
    }

    /** How many times the statement needs the user id. */
    int parameters() {
        return (int) jdbc().chars().filter(c -> c == '?').count();
    }
}
