package com.twork.points.launcher.tools.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.launcher.tools.legacy.Anomaly.Kind;
import com.twork.points.security.control.KeyHashing;
import com.twork.points.security.entity.Permission;
import com.twork.points.setting.control.SettingKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsAndKeysImportTest {
    @Test
    void thePluginsOptionsBecomeCheckedSettings() {
        List<Anomaly> notes = new ArrayList<>();
        List<SettingsImport.Change> changes = SettingsImport.plan(
                Map.of(
                        "twork_points_rate", "1.5",
                        "twork_points_referral_bonus", "300.0",
                        "twork_points_birthday_bonus", "abc",
                        "twork_points_expiration_days", "0",
                        "twork_points_db_version", "1.4",
                        "timezone_string", "Asia/Yangon"),
                LegacyTimes.siteZone(Map.of("timezone_string", "Asia/Yangon")),
                notes);

        assertEquals(
                List.of(
                        new SettingsImport.Change(SettingKey.POINTS_RATE, "1.5", "twork_points_rate"),
                        new SettingsImport.Change(SettingKey.REFERRAL_BONUS, "300", "twork_points_referral_bonus"),
                        new SettingsImport.Change(SettingKey.EXPIRATION_DAYS, "0", "twork_points_expiration_days"),
                        new SettingsImport.Change(SettingKey.SITE_TIMEZONE, "Asia/Yangon", "timezone_string")),
                changes);
        assertEquals(
                List.of(Kind.SETTING_REFUSED, Kind.SETTING_MEANING_CHANGED, Kind.OPTION_IGNORED),
                notes.stream().map(Anomaly::kind).toList());
        assertTrue(notes.get(0).message().contains("birthday_bonus"));
    }

    @Test
    void aWooCommerceKeyKeepsItsLookupHashAndOnlyTheSecretsHashIsKept() {
        String consumerKey = KeyHashing.newConsumerKey();
        String secret = KeyHashing.newConsumerSecret();
        List<Anomaly> notes = new ArrayList<>();
        List<KeyImport.Key> keys = KeyImport.keys(
                List.of(
                        new LegacySnapshot.ApiKeyRow(
                                3,
                                1,
                                "Mobile app",
                                "read_write",
                                KeyHashing.consumerKeyHash(consumerKey),
                                secret,
                                KeyHashing.truncated(consumerKey),
                                null),
                        new LegacySnapshot.ApiKeyRow(4, 1, "Broken", "read", "not-a-hash", secret, "abcdefg", null),
                        new LegacySnapshot.ApiKeyRow(
                                5,
                                1,
                                "Short secret",
                                "read",
                                KeyHashing.consumerKeyHash("ck_x"),
                                "cs_1",
                                "abcdefg",
                                null),
                        new LegacySnapshot.ApiKeyRow(
                                6,
                                2,
                                "Same key again",
                                "read",
                                KeyHashing.consumerKeyHash(consumerKey),
                                secret,
                                KeyHashing.truncated(consumerKey),
                                null)),
                notes);

        assertEquals(1, keys.size());
        KeyImport.Key key = keys.get(0);
        assertEquals(KeyHashing.consumerKeyHash(consumerKey), key.consumerKeyHash());
        assertTrue(KeyHashing.secretMatches(secret, key.secretHash()));
        assertEquals(Permission.READ_WRITE, key.permission());
        assertEquals("WooCommerce key 3: Mobile app (user 1)", key.description());
        assertEquals(3, notes.size());
        notes.forEach(note -> assertEquals(Kind.KEY_SKIPPED, note.kind()));
    }
}
