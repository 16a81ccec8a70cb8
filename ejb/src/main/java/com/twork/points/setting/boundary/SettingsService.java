package com.twork.points.setting.boundary;

import com.twork.points.setting.control.SettingKey;
import com.twork.points.setting.control.SettingsCache;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads business settings and checks proposed values, field by field, all-or-nothing. */
@Stateless
public class SettingsService {
    @Inject
    SettingsCache cache;

    public Settings current() {
        return cache.current();
    }

    /**
     * Checks every proposed value; the result maps each refused key to its message and is empty when the whole
     * set may be saved. Unknown keys are refused too, so a typo never silently does nothing.
     */
    public Map<String, String> validate(Map<String, String> proposed) {
        Map<String, String> problems = new LinkedHashMap<>();
        proposed.forEach((key, value) -> SettingKey.fromKey(key)
                .ifPresentOrElse(
                        setting -> setting.check(value).ifPresent(message -> problems.put(key, message)),
                        () -> problems.put(key, "Unknown setting.")));
        if (problems.isEmpty()) {
            crossCheck(proposed, problems);
        }
        return problems;
    }

    private void crossCheck(Map<String, String> proposed, Map<String, String> problems) {
        Settings now = current();
        long expiration = Long.parseLong(
                proposed.getOrDefault(SettingKey.EXPIRATION_DAYS.key(), now.raw(SettingKey.EXPIRATION_DAYS))
                        .trim());
        long max = Long.parseLong(
                proposed.getOrDefault(SettingKey.MAX_EXPIRATION_DAYS.key(), now.raw(SettingKey.MAX_EXPIRATION_DAYS))
                        .trim());
        if (expiration > max) {
            problems.put(SettingKey.EXPIRATION_DAYS.key(), "Must not exceed max_expiration_days (" + max + ").");
        }
    }
}
