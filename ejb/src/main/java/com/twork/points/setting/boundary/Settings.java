package com.twork.points.setting.boundary;

import com.twork.points.setting.control.SettingKey;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * An immutable, validated snapshot of all business settings. A stored value that fails its rule (only possible
 * through a hand edit of the database) falls back to the default rather than breaking every request.
 */
public final class Settings {
    private final Map<SettingKey, String> values;

    private Settings(Map<SettingKey, String> values) {
        this.values = values;
    }

    /** Builds a snapshot from stored rows (unknown names are ignored, missing or invalid ones default). */
    public static Settings of(Map<String, String> stored) {
        Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            String value = stored.get(key.key());
            boolean usable = value != null && key.check(value).isEmpty();
            values.put(key, usable ? value.trim() : key.defaultValue());
        }
        return new Settings(values);
    }

    public static Settings defaults() {
        return of(Map.of());
    }

    public String raw(SettingKey key) {
        return values.get(key);
    }

    public int integer(SettingKey key) {
        return Integer.parseInt(values.get(key));
    }

    public BigDecimal decimal(SettingKey key) {
        return new BigDecimal(values.get(key));
    }

    public boolean flag(SettingKey key) {
        return Boolean.parseBoolean(values.get(key));
    }

    public ZoneId siteZone() {
        return ZoneId.of(values.get(SettingKey.SITE_TIMEZONE));
    }

    /** Order webhooks count as configured once a webhook secret is set (SPEC §3.3, §6.4). */
    public boolean orderWebhooksConfigured() {
        return !values.get(SettingKey.WEBHOOK_SECRET).isEmpty();
    }
}
