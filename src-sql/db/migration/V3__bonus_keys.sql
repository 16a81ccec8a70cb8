-- Once-only bonuses, enforced by the database as well as by the rules:
-- bonus_key: 'birthday:<year in site zone>' (one birthday bonus per member and calendar year);
-- referred_user_id: the member a referral bonus was paid for (one referral per referred member, whoever
-- referred them).
ALTER TABLE point_transaction
    ADD COLUMN bonus_key VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER uncollectable,
    ADD COLUMN referred_user_id BIGINT NULL AFTER bonus_key,
    ADD CONSTRAINT uq_point_transaction_bonus UNIQUE (user_id, bonus_key),
    ADD CONSTRAINT uq_point_transaction_referred UNIQUE (referred_user_id);
