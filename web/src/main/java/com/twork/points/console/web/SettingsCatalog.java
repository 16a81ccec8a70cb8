package com.twork.points.console.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the settings page presents each business setting: its group, a label a manager understands, a one-line
 * explanation and the control that fits its rule (number, switch, choice, time zone, text). The rules themselves
 * stay in {@code SettingKey}; this only decides how they are asked for.
 */
public final class SettingsCatalog {
    public enum Control {
        NUMBER,
        DECIMAL,
        SWITCH,
        CHOICE,
        ZONE,
        TEXT
    }

    /** One setting on the page. {@code choices}: value → label, for {@link Control#CHOICE}. */
    public record Entry(
            String key, String label, String explanation, Control control, Map<String, String> choices, String unit) {
        public boolean isNumber() {
            return control == Control.NUMBER || control == Control.DECIMAL;
        }

        public boolean isSwitch() {
            return control == Control.SWITCH;
        }

        public boolean isChoice() {
            return control == Control.CHOICE || control == Control.ZONE;
        }

        public boolean isText() {
            return control == Control.TEXT;
        }

        public String getStep() {
            return control == Control.DECIMAL ? "any" : "1";
        }

        /** The choices as a list of entries (Facelets repeats lists). */
        public List<Map.Entry<String, String>> getOptions() {
            return new ArrayList<>(choices.entrySet());
        }
    }

    /** A titled group of settings. */
    public record Group(String id, String title, List<Entry> entries) {}

    static final List<Group> GROUPS = List.of(
            new Group(
                    "earning",
                    "Earning",
                    List.of(
                            number(
                                    "points_rate",
                                    "Points per currency unit",
                                    "Order awards are eligible total × this × the tier multiplier, rounded down.",
                                    Control.DECIMAL,
                                    "points"),
                            choice(
                                    "award_on_status",
                                    "Award orders when",
                                    "The WooCommerce order status that credits an order's points.",
                                    Map.of("completed", "Completed", "processing", "Processing")),
                            number(
                                    "pending_days",
                                    "Hold order awards for",
                                    "Days an order award stays pending (not spendable) in case of a refund; 0 = spendable at once.",
                                    Control.NUMBER,
                                    "days"),
                            choice(
                                    "tier_basis",
                                    "Tiers are decided by",
                                    "Which earned points place a member in a tier.",
                                    Map.of(
                                            "lifetime",
                                            "Points earned, all time",
                                            "rolling12",
                                            "Points earned in the last 12 months")))),
            new Group(
                    "redemption",
                    "Redemption",
                    List.of(
                            number(
                                    "redemption_rate",
                                    "Points per currency unit of discount",
                                    "How many points one unit of money off costs; also values the liability on the dashboard.",
                                    Control.DECIMAL,
                                    "points"),
                            toggle(
                                    "enforce_redemption_limits",
                                    "Enforce redemption limits",
                                    "When on, the minimum and the share of the order below are checked on every redeem."),
                            number(
                                    "min_redemption",
                                    "Minimum redemption",
                                    "The fewest points one redeem may use (when limits are enforced).",
                                    Control.NUMBER,
                                    "points"),
                            number(
                                    "max_redemption_percent",
                                    "Largest share of an order",
                                    "At most this percent of the order total may be paid with points (when limits are enforced).",
                                    Control.NUMBER,
                                    "%"))),
            new Group(
                    "expiry",
                    "Expiry",
                    List.of(
                            number(
                                    "expiration_days",
                                    "Points expire after",
                                    "Days from the credit until unspent points expire; 0 = never.",
                                    Control.NUMBER,
                                    "days"),
                            number(
                                    "max_expiration_days",
                                    "Longest expiry a caller may ask for",
                                    "An explicit expires_at further out than this many days is refused.",
                                    Control.NUMBER,
                                    "days"),
                            number(
                                    "expiry_interval_minutes",
                                    "Run expiry every",
                                    "How often the expiry and pending-release job looks for due lots.",
                                    Control.NUMBER,
                                    "minutes"))),
            new Group(
                    "bonuses",
                    "Bonuses",
                    List.of(
                            number(
                                    "signup_bonus",
                                    "Sign-up bonus",
                                    "Points a new member gets once; 0 = none.",
                                    Control.NUMBER,
                                    "points"),
                            number(
                                    "referral_bonus",
                                    "Referral bonus",
                                    "Points the referrer gets, once per referred member.",
                                    Control.NUMBER,
                                    "points"),
                            number(
                                    "birthday_bonus",
                                    "Birthday bonus",
                                    "Points a member gets once a year near a known birthday.",
                                    Control.NUMBER,
                                    "points"),
                            number(
                                    "birthday_window_days",
                                    "Birthday window",
                                    "How many days either side of the birthday the bonus may be claimed.",
                                    Control.NUMBER,
                                    "days"))),
            new Group(
                    "security",
                    "Security",
                    List.of(
                            number(
                                    "login_attempt_limit",
                                    "Failed logins before a pause",
                                    "Failed logins per account within 15 minutes before further attempts are refused.",
                                    Control.NUMBER,
                                    "attempts"),
                            number(
                                    "auth_failure_limit_per_minute",
                                    "Failed API authentications per minute",
                                    "Per client address; more are answered 429 until the minute is over.",
                                    Control.NUMBER,
                                    "per minute"),
                            number(
                                    "key_rate_limit_per_minute",
                                    "Requests per API key per minute",
                                    "0 = no limit.",
                                    Control.NUMBER,
                                    "per minute"),
                            text(
                                    "trusted_proxies",
                                    "Trusted proxies",
                                    "Addresses or CIDR ranges (comma-separated) whose X-Forwarded-For is believed; empty = none."),
                            text(
                                    "cors_allowed_origins",
                                    "Browser origins allowed (CORS)",
                                    "Comma-separated origins that may call the API from a web page; * = any."))),
            new Group(
                    "integration",
                    "Integration",
                    List.of(
                            zone(
                                    "site_timezone",
                                    "Site time zone",
                                    "Days, birthdays and times on these pages are in this zone; storage stays UTC."),
                            toggle(
                                    "auto_create_members",
                                    "Create unknown members",
                                    "When on, the first write for an unknown user id creates the member; when off it is refused."),
                            number(
                                    "pairing_window_hours",
                                    "Pairing window",
                                    "How far apart the app's and the shop's record of one order may be and still pair.",
                                    Control.NUMBER,
                                    "hours"),
                            number(
                                    "sync_batch_limit",
                                    "Largest sync batch",
                                    "Items one /sync call may carry.",
                                    Control.NUMBER,
                                    "items"),
                            number(
                                    "failure_alert_threshold",
                                    "Alert after failures",
                                    "Sync or webhook failures within an hour before staff see the alert.",
                                    Control.NUMBER,
                                    "failures"))),
            new Group(
                    "privacy",
                    "Privacy and retention",
                    List.of(
                            toggle(
                                    "erase_on_customer_deleted",
                                    "Erase when WooCommerce deletes the customer",
                                    "When on, a customer.deleted webhook erases the member's personal data; when off it makes the member inactive."),
                            number(
                                    "retention_idempotency_hours",
                                    "Keep Idempotency-Key answers",
                                    "How long a stored answer (which may name the member) is kept; at least the 25 hours replays are honoured.",
                                    Control.NUMBER,
                                    "hours"),
                            number(
                                    "retention_webhook_days",
                                    "Keep webhook deliveries",
                                    "Stored WooCommerce deliveries (order and customer bodies) are deleted after this.",
                                    Control.NUMBER,
                                    "days"),
                            number(
                                    "retention_session_minutes",
                                    "Keep ended sessions",
                                    "Login sessions (with their client address) are deleted this long after their last use; at least 30.",
                                    Control.NUMBER,
                                    "minutes"),
                            number(
                                    "retention_failure_days",
                                    "Keep failure events",
                                    "Sync and webhook failure details are deleted after this.",
                                    Control.NUMBER,
                                    "days"),
                            number(
                                    "retention_throttle_hours",
                                    "Keep throttle windows",
                                    "Failed-login and rate-limit counters (by address) are deleted after this.",
                                    Control.NUMBER,
                                    "hours"),
                            number(
                                    "retention_log_days",
                                    "Keep JSON log files",
                                    "Rotated log files older than this are deleted by the housekeeping job.",
                                    Control.NUMBER,
                                    "days"))));

    private SettingsCatalog() {}

    static List<Entry> entries() {
        return GROUPS.stream().flatMap(group -> group.entries().stream()).toList();
    }

    private static Entry number(String key, String label, String explanation, Control control, String unit) {
        return new Entry(key, label, explanation, control, Map.of(), unit);
    }

    private static Entry toggle(String key, String label, String explanation) {
        return new Entry(key, label, explanation, Control.SWITCH, Map.of(), "");
    }

    private static Entry text(String key, String label, String explanation) {
        return new Entry(key, label, explanation, Control.TEXT, Map.of(), "");
    }

    private static Entry choice(String key, String label, String explanation, Map<String, String> choices) {
        return new Entry(
                key, label, explanation, Control.CHOICE, new LinkedHashMap<>(new java.util.TreeMap<>(choices)), "");
    }

    private static Entry zone(String key, String label, String explanation) {
        Map<String, String> zones = new LinkedHashMap<>();
        ZoneId.getAvailableZoneIds().stream()
                .filter(id -> id.contains("/") || id.equals("UTC"))
                .filter(id -> !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
                .sorted()
                .forEach(id -> zones.put(id, id.replace('_', ' ')));
        return new Entry(key, label, explanation, Control.ZONE, zones, "");
    }
}
