package com.twork.points.setting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.setting.boundary.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingKeyTest {
    @Test
    void everyDefaultPassesItsOwnRule() {
        for (SettingKey key : SettingKey.values()) {
            assertEquals(Optional.empty(), key.check(key.defaultValue()), key.key());
        }
    }

    /** The seed migrations and the code must agree, or an empty table and a seeded one would behave differently. */
    @Test
    void theSeedMigrationsInsertExactlyTheCodeDefaults() throws IOException {
        StringBuilder sql = new StringBuilder();
        for (String file : new String[] {
            "V2__default_settings_and_tiers.sql", "V5__security_and_audit.sql", "V15__member_data_rights.sql"
        }) {
            try (InputStream in = getClass().getResourceAsStream("/db/migration/" + file)) {
                sql.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        Map<String, String> seeded = new HashMap<>();
        Matcher row = Pattern.compile("\\('([a-z_]+)', '([^']*)', UTC_TIMESTAMP\\(6\\), 'seed'\\)")
                .matcher(sql);
        while (row.find()) {
            seeded.put(row.group(1), row.group(2));
        }
        assertEquals(SettingKey.values().length, seeded.size());
        for (SettingKey key : SettingKey.values()) {
            assertEquals(key.defaultValue(), seeded.get(key.key()), key.key());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "points_rate, -1, Must be at least 0.",
        "points_rate, abc, Enter a number.",
        "redemption_rate, 0, Must be at least 0.01.",
        "max_redemption_percent, 101, Must be between 0 and 100.",
        "sync_batch_limit, 0, Must be between 1 and 5000.",
        "enforce_redemption_limits, yes, Must be true or false.",
        "tier_basis, monthly, 'Must be one of: lifetime, rolling12.'",
        "site_timezone, Mars/Olympus, Must be an IANA time zone such as Europe/Berlin or UTC.",
        "expiration_days, 1.5, Enter a whole number."
    })
    void badValuesAreRefusedWithAMessage(String key, String value, String message) {
        assertEquals(Optional.of(message), SettingKey.fromKey(key).orElseThrow().check(value));
    }

    @Test
    void snapshotFallsBackToDefaultsForMissingOrBrokenValues() {
        Settings settings = Settings.of(Map.of("site_timezone", "Asia/Yangon", "sync_batch_limit", "-3"));
        assertEquals(ZoneId.of("Asia/Yangon"), settings.siteZone());
        assertEquals(500, settings.integer(SettingKey.SYNC_BATCH_LIMIT));
        assertTrue(settings.flag(SettingKey.AUTO_CREATE_MEMBERS));
        assertEquals(false, settings.orderWebhooksConfigured());
        assertTrue(Settings.of(Map.of("webhook_secret", "s3cret")).orderWebhooksConfigured());
    }
}
