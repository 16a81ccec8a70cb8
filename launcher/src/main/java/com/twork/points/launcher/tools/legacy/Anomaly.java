package com.twork.points.launcher.tools.legacy;

/**
 * Something in the legacy data that our rules treat differently from the plugin, with what the import did about
 * it. {@link Kind#corrected()} separates corrections from facts kept as the plugin had them (noted for staff).
 */
public record Anomaly(Kind kind, Long userId, Long transactionId, String message) {

    public enum Kind {
        EXPIRED_LOT_PARTLY_SPENT("expired_lot_partly_spent", true),
        EXPIRY_INCOMPLETE("expiry_incomplete", true),
        ECHOED_DUPLICATE("echoed_duplicate", true),
        ORDER_CREDITED_TWICE("order_credited_twice", true),
        NEGATIVE_LEDGER_SHOWN_AS_ZERO("negative_ledger_shown_as_zero", true),
        OVERDRAWN_DEBIT("overdrawn_debit", true),
        REVERSAL_CAPPED("reversal_capped", true),
        BALANCE_CHANGED("balance_changed", true),
        UNKNOWN_TYPE("unknown_type", true),
        DELETED_ROW("deleted_row", true),
        NOT_APPROVED("not_approved", true),
        PENDING_DEBIT("pending_debit", true),
        SIGN_CONTRADICTS_TYPE("sign_contradicts_type", true),
        ZERO_POINTS("zero_points", true),
        MISSING_DATE("missing_date", true),
        ORDER_ID_TOO_LONG("order_id_too_long", true),
        UNKNOWN_MEMBER("unknown_member", true),
        SETTING_REFUSED("setting_refused", true),
        SETTING_MEANING_CHANGED("setting_meaning_changed", true),
        KEY_SKIPPED("key_skipped", true),
        POSSIBLE_ECHO_KEPT("possible_echo_kept", false),
        BIRTHDAY_REPEAT_KEPT("birthday_repeat_kept", false),
        PENDING_KEPT("pending_kept", false),
        ORDER_OF_ANOTHER_MEMBER("order_of_another_member", false),
        OPTION_IGNORED("option_ignored", false);

        private final String wire;
        private final boolean corrected;

        Kind(String wire, boolean corrected) {
            this.wire = wire;
            this.corrected = corrected;
        }

        public String wire() {
            return wire;
        }

        public boolean corrected() {
            return corrected;
        }
    }

    static Anomaly of(Kind kind, long userId, long transactionId, String message) {
        return new Anomaly(kind, userId, transactionId, message);
    }

    static Anomaly ofMember(Kind kind, long userId, String message) {
        return new Anomaly(kind, userId, null, message);
    }

    static Anomaly general(Kind kind, String message) {
        return new Anomaly(kind, null, null, message);
    }

    /** One report line: {@code [kind] member 5, transaction 17: what happened}. */
    public String line() {
        StringBuilder line = new StringBuilder("[").append(kind.wire()).append("] ");
        if (userId != null) {
            line.append("member ").append(userId);
            line.append(transactionId != null ? ", transaction " + transactionId : "")
                    .append(": ");
        } else if (transactionId != null) {
            line.append("transaction ").append(transactionId).append(": ");
        }
        return line.append(message).toString();
    }
}
