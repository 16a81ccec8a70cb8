package com.twork.points.launcher.tools.legacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything read from the legacy database in one consistent snapshot, times in UTC.
 *
 * @param identity the legacy installation: its {@code siteurl} and table prefix
 * @param location where it was read (host, port and database; never credentials)
 * @param fingerprint SHA-256 of the rows read, so a second run can tell the same source from a changed one
 * @param siteZone the site's time zone, which the plugin's {@code created_at} values were written in
 * @param options the {@code twork_points_*} options and the site options the import reads
 * @param nextTransactionId the legacy table's AUTO_INCREMENT (ids below it may be cached by the app)
 * @param notes what reading already corrected (missing dates, order ids too long)
 */
public record LegacySnapshot(
        String identity,
        String location,
        String prefix,
        String fingerprint,
        LegacyTimes.SiteZone siteZone,
        List<User> users,
        List<LegacyTransaction> transactions,
        List<AuditRow> auditRows,
        List<ApiKeyRow> apiKeys,
        Map<String, String> options,
        long nextTransactionId,
        List<Anomaly> notes) {

    /** A row of {@code <prefix>users}; {@code status} is WordPress's {@code user_status} (0 = normal). */
    public record User(long id, String login, String email, String displayName, Instant registeredAt, int status) {}

    /** A row of {@code <prefix>twork_point_audit_log}: an admin's adjustment of a member's points. */
    public record AuditRow(long id, long userId, long adminUserId, int points, String reason, Instant createdAt) {}

    /**
     * A row of {@code <prefix>woocommerce_api_keys}: {@code consumerKeyHash} is WooCommerce's
     * {@code hash_hmac('sha256', ck, 'wc-api')}, {@code consumerSecret} the secret in clear (WooCommerce keeps it so).
     */
    public record ApiKeyRow(
            long id,
            long userId,
            String description,
            String permissions,
            String consumerKeyHash,
            String consumerSecret,
            String truncatedKey,
            Instant lastAccess) {

        @Override
        public String toString() {
            return "ApiKeyRow[id=" + id + ", truncatedKey=" + truncatedKey + ", permissions=" + permissions + "]";
        }
    }
}
