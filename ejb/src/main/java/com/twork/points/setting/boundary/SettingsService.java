package com.twork.points.setting.boundary;

import com.twork.points.audit.control.AuditTrail;
import com.twork.points.platform.boundary.InvalidInputException;
import com.twork.points.platform.control.AppClock;
import com.twork.points.platform.control.CacheInvalidation;
import com.twork.points.platform.control.ClusterSignals;
import com.twork.points.security.boundary.RequiresPermission;
import com.twork.points.security.control.CallerContext;
import com.twork.points.security.entity.Permission;
import com.twork.points.security.entity.Role;
import com.twork.points.setting.control.SettingKey;
import com.twork.points.setting.control.SettingStore;
import com.twork.points.setting.control.SettingsCache;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads business settings and checks proposed values, field by field, all-or-nothing. */
@Stateless
public class SettingsService {
    @Inject
    ClusterSignals signals;

    @Inject
    SettingsCache cache;

    @Inject
    SettingStore store;

    @Inject
    AuditTrail audit;

    @Inject
    CallerContext caller;

    @Inject
    AppClock clock;

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

    /**
     * Saves all proposed values or none: any refused value leaves everything as it was and the failure names
     * each bad field. Audited with the old and new values (the webhook secret is never written to the log).
     */
    @RequiresPermission(value = Permission.WRITE, keys = false, staff = Role.ADMIN)
    public Settings update(Map<String, String> proposed) {
        Map<String, String> problems = validate(proposed);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(
                    "invalid_settings",
                    "Invalid setting(s): " + String.join(", ", problems.keySet()),
                    Map.of("params", Map.copyOf(problems)));
        }
        Settings before = current();
        String actor = caller.caller().orElseThrow().actor();
        Instant now = clock.now();
        StringBuilder changes = new StringBuilder();
        proposed.forEach((key, value) -> {
            SettingKey setting = SettingKey.fromKey(key).orElseThrow();
            String old = before.raw(setting);
            String fresh = value.trim();
            if (!old.equals(fresh)) {
                store.save(key, fresh, actor, now);
                changes.append(key)
                        .append(": ")
                        .append(setting == SettingKey.WEBHOOK_SECRET ? "(changed)" : old + " -> " + fresh)
                        .append("; ");
            }
        });
        cache.invalidate();
        signals.changed(CacheInvalidation.SETTINGS);
        if (changes.length() > 0) {
            audit.action("settings.updated", changes.toString().trim());
        }
        return current();
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
