-- Foundation schema: members, the append-only ledger with its lots, running account totals, allocations,
-- idempotency records, API keys, settings and tiers. Every DATETIME column holds UTC.

CREATE TABLE member (
    user_id      BIGINT       NOT NULL,
    email        VARCHAR(254) NULL,
    display_name VARCHAR(250) NULL,
    status       VARCHAR(16)  NOT NULL DEFAULT 'active',
    birthday     DATE         NULL,
    created_at   DATETIME(6)  NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (user_id),
    CONSTRAINT ck_member_user_id CHECK (user_id > 0),
    CONSTRAINT ck_member_status CHECK (status IN ('active', 'inactive')),
    KEY ix_member_email (email),
    KEY ix_member_display_name (display_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE point_account (
    user_id           BIGINT      NOT NULL,
    balance           BIGINT      NOT NULL DEFAULT 0,
    lifetime_earned   BIGINT      NOT NULL DEFAULT 0,
    lifetime_redeemed BIGINT      NOT NULL DEFAULT 0,
    lifetime_expired  BIGINT      NOT NULL DEFAULT 0,
    pending           BIGINT      NOT NULL DEFAULT 0,
    updated_at        DATETIME(6) NOT NULL,
    version           BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id),
    CONSTRAINT fk_point_account_member FOREIGN KEY (user_id) REFERENCES member (user_id),
    CONSTRAINT ck_point_account_balance CHECK (balance >= 0),
    CONSTRAINT ck_point_account_pending CHECK (pending >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- points: as the plugin shows them (positive for redeem and expire, signed for adjust).
-- remaining: unconsumed points of a credit lot (0 for debits).
-- lot_expiry: a stored generated column that is non-NULL only for open lots (available, remaining > 0),
--   with never-expiring lots at 9999-12-31; it stands in for the partial index MariaDB does not have, so
--   FIFO and expiry scans touch open lots only.
CREATE TABLE point_transaction (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    user_id          BIGINT       NOT NULL,
    type             VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    points           INT          NOT NULL,
    description      TEXT         NULL,
    order_id         VARCHAR(191) NULL,
    order_key        VARCHAR(191) COLLATE utf8mb4_bin NULL,
    created_at       DATETIME(6)  NOT NULL,
    expires_at       DATETIME(6)  NULL,
    remaining        INT          NOT NULL DEFAULT 0,
    status           VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT 'available',
    source           VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    actor            VARCHAR(191) NOT NULL,
    client_ref       VARCHAR(191) COLLATE utf8mb4_bin NULL,
    client_order_key VARCHAR(220) COLLATE utf8mb4_bin NULL,
    uncollectable    INT          NOT NULL DEFAULT 0,
    lot_expiry       DATETIME(6) AS (CASE
                                         WHEN remaining > 0 AND status = 'available'
                                             THEN COALESCE(expires_at, TIMESTAMP '9999-12-31 23:59:59')
                                     END) PERSISTENT,
    PRIMARY KEY (id),
    CONSTRAINT fk_point_transaction_member FOREIGN KEY (user_id) REFERENCES member (user_id),
    CONSTRAINT ck_point_transaction_type
        CHECK (type IN ('earn', 'referral', 'birthday', 'refund', 'adjust', 'redeem', 'expire')),
    CONSTRAINT ck_point_transaction_status CHECK (status IN ('available', 'pending', 'void')),
    CONSTRAINT ck_point_transaction_source CHECK (source IN ('rest', 'sync', 'webhook', 'admin', 'job', 'import')),
    CONSTRAINT ck_point_transaction_remaining CHECK (remaining >= 0 AND uncollectable >= 0 AND remaining <= ABS(points)),
    CONSTRAINT ck_point_transaction_sign CHECK (type = 'adjust' OR points > 0),
    UNIQUE KEY uq_point_transaction_client_order (user_id, client_order_key),
    UNIQUE KEY uq_point_transaction_client_ref (user_id, client_ref),
    KEY ix_point_transaction_history (user_id, created_at, id),
    KEY ix_point_transaction_member_lots (user_id, lot_expiry, id),
    KEY ix_point_transaction_due_lots (lot_expiry, user_id),
    KEY ix_point_transaction_order (order_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Which lots each debit consumed, so a refund restores them and expiry never touches spent points.
CREATE TABLE point_allocation (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    debit_id   BIGINT      NOT NULL,
    lot_id     BIGINT      NOT NULL,
    points     INT         NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_point_allocation_debit FOREIGN KEY (debit_id) REFERENCES point_transaction (id),
    CONSTRAINT fk_point_allocation_lot FOREIGN KEY (lot_id) REFERENCES point_transaction (id),
    CONSTRAINT ck_point_allocation_points CHECK (points > 0),
    KEY ix_point_allocation_debit (debit_id),
    KEY ix_point_allocation_lot (lot_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One stored response per (credential, method, path, Idempotency-Key); scope_hash is SHA-256 of those four.
CREATE TABLE idempotency_record (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    scope_hash      CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    credential      VARCHAR(64)  NOT NULL,
    http_method     VARCHAR(8)   NOT NULL,
    path            VARCHAR(255) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    response_status INT          NULL,
    response_body   MEDIUMTEXT   NULL,
    created_at      DATETIME(6)  NOT NULL,
    expires_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_idempotency_record_state CHECK (state IN ('in_progress', 'complete')),
    UNIQUE KEY uq_idempotency_record_scope (scope_hash),
    KEY ix_idempotency_record_expires (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- WooCommerce-compatible keys: consumer_key_hash = hex(HMAC-SHA256(ck, key "wc-api")), the secret is kept
-- only as SHA-256; truncated_key holds the last 7 characters of the consumer key for display.
CREATE TABLE api_key (
    id                   BIGINT       NOT NULL AUTO_INCREMENT,
    description          VARCHAR(200) NOT NULL,
    permissions          VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    consumer_key_hash    CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    consumer_secret_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    truncated_key        CHAR(7)      NOT NULL,
    created_at           DATETIME(6)  NOT NULL,
    created_by           VARCHAR(191) NOT NULL,
    last_access          DATETIME(6)  NULL,
    revoked_at           DATETIME(6)  NULL,
    revoked_by           VARCHAR(191) NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_api_key_permissions CHECK (permissions IN ('read', 'write', 'read_write')),
    UNIQUE KEY uq_api_key_consumer_key_hash (consumer_key_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Business settings. updated_by = 'seed' marks a value nobody has changed, which a forced re-seed may update.
CREATE TABLE setting (
    name       VARCHAR(64)   NOT NULL,
    value      VARCHAR(4000) NOT NULL,
    updated_at DATETIME(6)   NOT NULL,
    updated_by VARCHAR(191)  NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE tier (
    tier_key   VARCHAR(32)   NOT NULL,
    label      VARCHAR(100)  NOT NULL,
    threshold  BIGINT        NOT NULL,
    multiplier DECIMAL(6, 3) NOT NULL,
    benefits   TEXT          NULL,
    updated_at DATETIME(6)   NOT NULL,
    updated_by VARCHAR(191)  NOT NULL,
    PRIMARY KEY (tier_key),
    CONSTRAINT ck_tier_threshold CHECK (threshold >= 0),
    CONSTRAINT ck_tier_multiplier CHECK (multiplier > 0),
    UNIQUE KEY uq_tier_threshold (threshold)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
