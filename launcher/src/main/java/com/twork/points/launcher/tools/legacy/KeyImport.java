package com.twork.points.launcher.tools.legacy;

import com.twork.points.launcher.tools.legacy.Anomaly.Kind;
import com.twork.points.security.control.KeyHashing;
import com.twork.points.security.entity.Permission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * WooCommerce API keys as ours. WooCommerce stores the consumer key only as {@code hash_hmac('sha256', ck,
 * 'wc-api')}, which is exactly our lookup hash, and the secret in clear, which we keep only as SHA-256: the same
 * ck/cs pair (the app's compiled-in one included) keeps working, and no secret is stored in clear any more.
 */
final class KeyImport {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    static final int DESCRIPTION_MAX = 200;

    private KeyImport() {}

    /** An {@code api_key} row to write; {@code secretHash} is SHA-256 of the legacy secret. */
    record Key(
            long legacyId,
            String description,
            Permission permission,
            String consumerKeyHash,
            String secretHash,
            String truncatedKey,
            Instant lastAccess) {}

    static List<Key> keys(List<LegacySnapshot.ApiKeyRow> rows, List<Anomaly> notes) {
        List<Key> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (LegacySnapshot.ApiKeyRow row : rows) {
            String hash = row.consumerKeyHash() == null
                    ? ""
                    : row.consumerKeyHash().trim().toLowerCase(Locale.ROOT);
            String name = "WooCommerce key " + row.id() + " (..." + row.truncatedKey() + ")";
            if (!HASH.matcher(hash).matches()) {
                notes.add(Anomaly.general(Kind.KEY_SKIPPED, name + " has no valid consumer key hash: not imported"));
                continue;
            }
            if (!KeyHashing.isConsumerSecret(row.consumerSecret())) {
                notes.add(Anomaly.general(
                        Kind.KEY_SKIPPED,
                        name + " has no valid consumer secret (cs_ and 40 hex digits): not imported"));
                continue;
            }
            var permission = Permission.fromWire(
                    row.permissions() == null ? "" : row.permissions().trim());
            if (permission.isEmpty()) {
                notes.add(Anomaly.general(
                        Kind.KEY_SKIPPED,
                        name + " has unknown permissions \"" + row.permissions() + "\": not imported"));
                continue;
            }
            if (!seen.add(hash)) {
                notes.add(Anomaly.general(Kind.KEY_SKIPPED, name + " repeats an earlier key: not imported twice"));
                continue;
            }
            String description = "WooCommerce key " + row.id()
                    + (row.description() == null || row.description().isBlank()
                            ? ""
                            : ": " + row.description().trim())
                    + " (user " + row.userId() + ")";
            keys.add(new Key(
                    row.id(),
                    description.length() <= DESCRIPTION_MAX ? description : description.substring(0, DESCRIPTION_MAX),
                    permission.get(),
                    hash,
                    KeyHashing.secretHash(row.consumerSecret()),
                    row.truncatedKey() != null && row.truncatedKey().length() == 7 ? row.truncatedKey() : "???????",
                    row.lastAccess()));
        }
        return keys;
    }
}
