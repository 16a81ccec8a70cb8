package com.twork.points.console.web;

import com.twork.points.platform.boundary.ApplicationFailure;
import com.twork.points.platform.boundary.InvalidInputException;
import com.twork.points.setting.boundary.Settings;
import com.twork.points.setting.boundary.SettingsService;
import com.twork.points.setting.control.SettingKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code settings.xhtml} (ADMIN): every setting of SPEC §7 in one form, saved all or nothing; a refused value is
 * named next to its field and nothing changes. The webhook secret has its own form on the webhooks page.
 */
@Named
@RequestScoped
public class SettingsPage {
    static final String FIELD_PREFIX = "setting_";

    @Inject
    SettingsService settings;

    @Inject
    Console console;

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new HashMap<>();

    @PostConstruct
    void load() {
        Settings current = settings.current();
        for (SettingKey key : editable()) {
            values.put(key.key(), current.raw(key));
        }
    }

    public void save() {
        Map<String, String> proposed = new LinkedHashMap<>();
        for (SettingKey key : editable()) {
            String submitted = console.param(FIELD_PREFIX + key.key());
            proposed.put(key.key(), submitted);
            values.put(key.key(), submitted);
        }
        try {
            settings.update(proposed);
            console.redirect("settings.xhtml", "settings", null);
        } catch (InvalidInputException e) {
            if (e.details().get("params") instanceof Map<?, ?> params) {
                params.forEach((field, message) -> errors.put(field.toString(), message.toString()));
            }
            console.error("Nothing was saved: correct the " + errors.size() + " field(s) marked below.");
            FacesContext.getCurrentInstance().validationFailed();
        } catch (ApplicationFailure e) {
            console.refused(e, "settings");
        }
    }

    public List<String> getKeys() {
        return editable().stream().map(SettingKey::key).toList();
    }

    public Map<String, String> getValues() {
        return values;
    }

    public String error(String key) {
        return errors.get(key);
    }

    public String defaultOf(String key) {
        return SettingKey.fromKey(key).map(SettingKey::defaultValue).orElse("");
    }

    /** "birthday_bonus" → "Birthday bonus". */
    public String label(String key) {
        String words = key.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static List<SettingKey> editable() {
        return Arrays.stream(SettingKey.values())
                .filter(key -> key != SettingKey.WEBHOOK_SECRET)
                .toList();
    }
}
