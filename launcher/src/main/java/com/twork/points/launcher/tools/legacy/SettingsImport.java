package com.twork.points.launcher.tools.legacy;

import com.twork.points.launcher.tools.legacy.Anomaly.Kind;
import com.twork.points.setting.control.SettingKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plugin's {@code twork_points_*} options as our business settings (SPEC §7), each checked by the setting's
 * own rule; the site's IANA time zone becomes {@code site_timezone}. The plugin's own state (database version,
 * error counters, ...) is not a setting and is only listed.
 */
final class SettingsImport {
    static final String PREFIX = "twork_points_";

    /** Option name → setting, in the order they are reported. */
    static final Map<String, SettingKey> MAPPED = mapped();

    private SettingsImport() {}

    /** One setting to write, and the legacy option it came from. */
    record Change(SettingKey key, String value, String from) {}

    private static Map<String, SettingKey> mapped() {
        Map<String, SettingKey> mapped = new LinkedHashMap<>();
        mapped.put("twork_points_rate", SettingKey.POINTS_RATE);
        mapped.put("twork_points_redemption_rate", SettingKey.REDEMPTION_RATE);
        mapped.put("twork_points_signup_bonus", SettingKey.SIGNUP_BONUS);
        mapped.put("twork_points_referral_bonus", SettingKey.REFERRAL_BONUS);
        mapped.put("twork_points_birthday_bonus", SettingKey.BIRTHDAY_BONUS);
        mapped.put("twork_points_min_redemption", SettingKey.MIN_REDEMPTION);
        mapped.put("twork_points_max_redemption_percent", SettingKey.MAX_REDEMPTION_PERCENT);
        mapped.put("twork_points_expiration_days", SettingKey.EXPIRATION_DAYS);
        return Collections.unmodifiableMap(mapped);
    }

    static List<Change> plan(Map<String, String> options, LegacyTimes.SiteZone zone, List<Anomaly> notes) {
        List<Change> changes = new ArrayList<>();
        MAPPED.forEach((option, key) -> {
            String raw = options.get(option);
            if (raw == null) {
                return;
            }
            Optional<String> value = acceptable(key, raw);
            if (value.isEmpty()) {
                notes.add(Anomaly.general(
                        Kind.SETTING_REFUSED,
                        option + " = \"" + raw + "\" is not a valid " + key.key() + " ("
                                + key.check(raw).orElse("") + "): the setting keeps its current value"));
                return;
            }
            if (key == SettingKey.EXPIRATION_DAYS && "0".equals(value.get())) {
                notes.add(Anomaly.general(
                        Kind.SETTING_MEANING_CHANGED,
                        option + " = 0 made the plugin expire new points at once; here 0 means points never"
                                + " expire: imported as 0"));
            }
            changes.add(new Change(key, value.get(), option));
        });
        zone.setting().ifPresent(name -> changes.add(new Change(SettingKey.SITE_TIMEZONE, name, "timezone_string")));
        options.keySet().stream()
                .filter(option -> option.startsWith(PREFIX) && !MAPPED.containsKey(option))
                .sorted()
                .forEach(option -> notes.add(Anomaly.general(
                        Kind.OPTION_IGNORED, option + " is the plugin's own state, not a setting: not imported")));
        return changes;
    }

    /** The value as the setting takes it: WordPress may have stored {@code 500} as {@code 500.0}. */
    private static Optional<String> acceptable(SettingKey key, String raw) {
        String value = raw.trim();
        if (key.check(value).isEmpty()) {
            return Optional.of(value);
        }
        try {
            BigDecimal number = new BigDecimal(value).stripTrailingZeros();
            String plain = number.scale() <= 0 ? number.toBigInteger().toString() : number.toPlainString();
            return key.check(plain).isEmpty() ? Optional.of(plain) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
