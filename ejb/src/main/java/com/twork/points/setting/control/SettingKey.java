package com.twork.points.setting.control;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every business setting of SPEC §7 with its default and its rule. {@link #check(String)} returns the message a
 * person sees next to the field when a value is refused.
 */
public enum SettingKey {
    POINTS_RATE("points_rate", "1.0", decimal(BigDecimal.ZERO, null)),
    REDEMPTION_RATE("redemption_rate", "100", decimal(new BigDecimal("0.01"), null)),
    SIGNUP_BONUS("signup_bonus", "0", integer(0, Integer.MAX_VALUE)),
    REFERRAL_BONUS("referral_bonus", "500", integer(0, Integer.MAX_VALUE)),
    BIRTHDAY_BONUS("birthday_bonus", "200", integer(0, Integer.MAX_VALUE)),
    MIN_REDEMPTION("min_redemption", "100", integer(0, Integer.MAX_VALUE)),
    MAX_REDEMPTION_PERCENT("max_redemption_percent", "50", integer(0, 100)),
    ENFORCE_REDEMPTION_LIMITS("enforce_redemption_limits", "false", bool()),
    EXPIRATION_DAYS("expiration_days", "365", integer(0, 36_500)),
    MAX_EXPIRATION_DAYS("max_expiration_days", "730", integer(1, 36_500)),
    AWARD_ON_STATUS("award_on_status", "completed", oneOf("completed", "processing")),
    PENDING_DAYS("pending_days", "0", integer(0, 3_650)),
    TIER_BASIS("tier_basis", "lifetime", oneOf("lifetime", "rolling12")),
    BIRTHDAY_WINDOW_DAYS("birthday_window_days", "7", integer(0, 31)),
    PAIRING_WINDOW_HOURS("pairing_window_hours", "24", integer(0, 168)),
    SYNC_BATCH_LIMIT("sync_batch_limit", "500", integer(1, 5_000)),
    FAILURE_ALERT_THRESHOLD("failure_alert_threshold", "5", integer(1, Integer.MAX_VALUE)),
    AUTO_CREATE_MEMBERS("auto_create_members", "true", bool()),
    SITE_TIMEZONE("site_timezone", "UTC", zone()),
    EXPIRY_INTERVAL_MINUTES("expiry_interval_minutes", "5", integer(1, 1_440)),
    WEBHOOK_SECRET("webhook_secret", "", any()),
    CORS_ALLOWED_ORIGINS("cors_allowed_origins", "*", any()),
    TRUSTED_PROXIES("trusted_proxies", "", any()),
    AUTH_FAILURE_LIMIT_PER_MINUTE("auth_failure_limit_per_minute", "10", integer(1, 100_000)),
    /** Failed logins per account within 15 minutes before further attempts are refused for the rest of them. */
    LOGIN_ATTEMPT_LIMIT("login_attempt_limit", "5", integer(1, 1_000)),
    /** Requests per API key and minute; 0 = no limit. */
    KEY_RATE_LIMIT_PER_MINUTE("key_rate_limit_per_minute", "0", integer(0, 1_000_000)),
    /** Retention (docs/privacy.md): stored Idempotency-Key answers; at least the 25 hours a replay is honoured. */
    RETENTION_IDEMPOTENCY_HOURS("retention_idempotency_hours", "25", integer(25, 8_760)),
    /** Stored webhook deliveries with their bodies (the console re-processes from them). */
    RETENTION_WEBHOOK_DAYS("retention_webhook_days", "90", integer(1, 3_650)),
    /** Login sessions after their last use; never shorter than the 30-minute idle timeout. */
    RETENTION_SESSION_MINUTES("retention_session_minutes", "30", integer(30, 525_600)),
    /** Failure events (the console's alert counts the last hour of them). */
    RETENTION_FAILURE_DAYS("retention_failure_days", "7", integer(1, 3_650)),
    /** Throttle windows (auth failures per client address, login attempts per login). */
    RETENTION_THROTTLE_HOURS("retention_throttle_hours", "24", integer(1, 8_760)),
    /** Rotated JSON log files, by their last change. */
    RETENTION_LOG_DAYS("retention_log_days", "30", integer(1, 3_650)),
    /** Whether WooCommerce's customer.deleted erases the member (docs/privacy.md) instead of making it inactive. */
    ERASE_ON_CUSTOMER_DELETED("erase_on_customer_deleted", "false", bool());

    private final String key;
    private final String defaultValue;
    private final Function<String, Optional<String>> rule;

    SettingKey(String key, String defaultValue, Function<String, Optional<String>> rule) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.rule = rule;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** Empty when the value is acceptable, otherwise what is wrong with it. */
    public Optional<String> check(String value) {
        if (value == null) {
            return Optional.of("A value is required.");
        }
        return rule.apply(value.trim());
    }

    public static Optional<SettingKey> fromKey(String key) {
        for (SettingKey setting : values()) {
            if (setting.key.equals(key)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }

    private static Function<String, Optional<String>> decimal(BigDecimal min, BigDecimal max) {
        return value -> {
            BigDecimal number;
            try {
                number = new BigDecimal(value);
            } catch (NumberFormatException e) {
                return Optional.of("Enter a number.");
            }
            if (number.compareTo(min) < 0) {
                return Optional.of("Must be at least " + min.toPlainString() + ".");
            }
            if (max != null && number.compareTo(max) > 0) {
                return Optional.of("Must be at most " + max.toPlainString() + ".");
            }
            return Optional.empty();
        };
    }

    private static Function<String, Optional<String>> integer(long min, long max) {
        return value -> {
            long number;
            try {
                number = Long.parseLong(value);
            } catch (NumberFormatException e) {
                return Optional.of("Enter a whole number.");
            }
            if (number < min || number > max) {
                return Optional.of("Must be between " + min + " and " + max + ".");
            }
            return Optional.empty();
        };
    }

    private static Function<String, Optional<String>> bool() {
        return value -> "true".equals(value) || "false".equals(value)
                ? Optional.empty()
                : Optional.of("Must be true or false.");
    }

    private static Function<String, Optional<String>> oneOf(String... allowed) {
        return value -> {
            for (String candidate : allowed) {
                if (candidate.equals(value)) {
                    return Optional.empty();
                }
            }
            return Optional.of("Must be one of: " + String.join(", ", allowed) + ".");
        };
    }

    private static Function<String, Optional<String>> zone() {
        return value -> {
            try {
                ZoneId.of(value);
                return Optional.empty();
            } catch (DateTimeException e) {
                return Optional.of("Must be an IANA time zone such as Europe/Berlin or UTC.");
            }
        };
    }

    private static Function<String, Optional<String>> any() {
        return value -> Optional.empty();
    }
}
