-- Defaults of SPEC §7 and §6.3. INSERT IGNORE: a value an admin already changed is never overwritten.
-- The same defaults live in code (SettingKey, DefaultTiers); a unit test keeps the two in step.
INSERT IGNORE INTO setting (name, value, updated_at, updated_by) VALUES
    ('points_rate', '1.0', UTC_TIMESTAMP(6), 'seed'),
    ('redemption_rate', '100', UTC_TIMESTAMP(6), 'seed'),
    ('signup_bonus', '0', UTC_TIMESTAMP(6), 'seed'),
    ('referral_bonus', '500', UTC_TIMESTAMP(6), 'seed'),
    ('birthday_bonus', '200', UTC_TIMESTAMP(6), 'seed'),
    ('min_redemption', '100', UTC_TIMESTAMP(6), 'seed'),
    ('max_redemption_percent', '50', UTC_TIMESTAMP(6), 'seed'),
    ('enforce_redemption_limits', 'false', UTC_TIMESTAMP(6), 'seed'),
    ('expiration_days', '365', UTC_TIMESTAMP(6), 'seed'),
    ('max_expiration_days', '730', UTC_TIMESTAMP(6), 'seed'),
    ('award_on_status', 'completed', UTC_TIMESTAMP(6), 'seed'),
    ('pending_days', '0', UTC_TIMESTAMP(6), 'seed'),
    ('tier_basis', 'lifetime', UTC_TIMESTAMP(6), 'seed'),
    ('birthday_window_days', '7', UTC_TIMESTAMP(6), 'seed'),
    ('pairing_window_hours', '24', UTC_TIMESTAMP(6), 'seed'),
    ('sync_batch_limit', '500', UTC_TIMESTAMP(6), 'seed'),
    ('failure_alert_threshold', '5', UTC_TIMESTAMP(6), 'seed'),
    ('auto_create_members', 'true', UTC_TIMESTAMP(6), 'seed'),
    ('site_timezone', 'UTC', UTC_TIMESTAMP(6), 'seed'),
    ('expiry_interval_minutes', '5', UTC_TIMESTAMP(6), 'seed'),
    ('webhook_secret', '', UTC_TIMESTAMP(6), 'seed'),
    ('cors_allowed_origins', '*', UTC_TIMESTAMP(6), 'seed'),
    ('trusted_proxies', '', UTC_TIMESTAMP(6), 'seed'),
    ('auth_failure_limit_per_minute', '10', UTC_TIMESTAMP(6), 'seed');

INSERT IGNORE INTO tier (tier_key, label, threshold, multiplier, benefits, updated_at, updated_by) VALUES
    ('basic', 'Basic', 0, 1.000, NULL, UTC_TIMESTAMP(6), 'seed'),
    ('bronze', 'Bronze', 5000, 1.100, NULL, UTC_TIMESTAMP(6), 'seed'),
    ('silver', 'Silver', 10000, 1.200, NULL, UTC_TIMESTAMP(6), 'seed'),
    ('gold', 'Gold', 20000, 1.300, NULL, UTC_TIMESTAMP(6), 'seed'),
    ('platinum', 'Platinum', 50000, 1.500, NULL, UTC_TIMESTAMP(6), 'seed');
