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
 * {@code settings.xhtml} (ADMIN): every setting of SPEC §7 in one form, grouped (earning, redemption, expiry,
 * bonuses, security, integration) with the control that fits each (numbers, switches, choices, a time-zone picker),
 * a one-line explanation and the default; saved all or nothing; a refused value is named next to its field and
 * nothing changes. A field the request did not carry keeps its value (a switch that is off is sent as its marker
 * alone). The webhook secret has its own form on the webhooks page.
 */
@Named
@RequestScoped
public class SettingsPage {
    static final String FIELD_PREFIX = "setting_";
    /** Sent with every switch, so an unchecked one (which browsers do not send) reads as "false". */
    static final String SWITCH_PREFIX = "switch_";

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
        Settings current = settings.current();
        for (SettingKey key : editable()) {
            String submitted = console.sentParam(FIELD_PREFIX + key.key())
                    .map(String::trim)
                    .orElseGet(() ->
                            console.sentParam(SWITCH_PREFIX + key.key()).isPresent() ? "false" : current.raw(key));
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

    /** The groups to show, with any setting the catalogue does not know yet in a last "Other" group as text. */
    public List<SettingsCatalog.Group> getGroups() {
        List<SettingsCatalog.Group> groups = new java.util.ArrayList<>();
        for (SettingsCatalog.Group group : SettingsCatalog.GROUPS) {
            groups.add(new SettingsCatalog.Group(
                    group.id(),
                    group.title(),
                    group.entries().stream().map(this::withCurrentChoice).toList()));
        }
        java.util.Set<String> known = new java.util.HashSet<>();
        SettingsCatalog.entries().forEach(entry -> known.add(entry.key()));
        List<SettingsCatalog.Entry> other = editable().stream()
                .filter(key -> !known.contains(key.key()))
                .map(key -> new SettingsCatalog.Entry(
                        key.key(), label(key.key()), "", SettingsCatalog.Control.TEXT, Map.of(), ""))
                .toList();
        if (!other.isEmpty()) {
            groups.add(new SettingsCatalog.Group("other", "Other", other));
        }
        return groups;
    }

    /** A choice list always holds the value in force (an unusual time zone stays selectable and unchanged). */
    private SettingsCatalog.Entry withCurrentChoice(SettingsCatalog.Entry entry) {
        String value = values.get(entry.key());
        if (!entry.isChoice() || value == null || entry.choices().containsKey(value)) {
            return entry;
        }
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put(value, value);
        choices.putAll(entry.choices());
        return new SettingsCatalog.Entry(
                entry.key(), entry.label(), entry.explanation(), entry.control(), choices, entry.unit());
    }

    /** The default as a person reads it: a choice's label, "on"/"off" for a switch, "(empty)" for none. */
    public String defaultText(SettingsCatalog.Entry entry) {
        String value = defaultOf(entry.key());
        if (value.isEmpty()) {
            return "(empty)";
        }
        if (entry.isSwitch()) {
            return "true".equals(value) ? "on" : "off";
        }
        if (entry.isChoice()) {
            return entry.choices().getOrDefault(value, value);
        }
        return entry.unit().isEmpty() ? value : value + " " + entry.unit();
    }

    public boolean on(String key) {
        return "true".equals(values.get(key));
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
