-- Lifecycle: pending order awards, reversals, refunds of redeemed points, scheduled jobs, WooCommerce orders
-- and webhook deliveries.

-- release_at: when a pending order award becomes spendable (pending_days).
-- reverses_id: the credit a negative adjust takes back (order cancellation, refund, staff void).
ALTER TABLE point_transaction
    ADD COLUMN release_at DATETIME(6) NULL AFTER expires_at,
    ADD COLUMN reverses_id BIGINT NULL AFTER referred_user_id,
    ADD KEY ix_point_transaction_release (status, release_at),
    ADD KEY ix_point_transaction_reverses (reverses_id);

-- restored: points of this allocation put back into the lot when the redemption was refunded (SPEC §5.5).
ALTER TABLE point_allocation
    ADD COLUMN restored INT NOT NULL DEFAULT 0 AFTER points,
    ADD CONSTRAINT ck_point_allocation_restored CHECK (restored >= 0 AND restored <= points);

-- One row per scheduled job: whichever instance moves next_run_at forward runs it (no JVM holds the schedule).
CREATE TABLE job_schedule (
    name             VARCHAR(64)   NOT NULL,
    next_run_at      DATETIME(6)   NOT NULL,
    last_started_at  DATETIME(6)   NULL,
    last_finished_at DATETIME(6)   NULL,
    last_result      VARCHAR(1000) NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT IGNORE INTO job_schedule (name, next_run_at) VALUES
    ('expiry', UTC_TIMESTAMP(6)),
    ('pending_release', UTC_TIMESTAMP(6));

-- A WooCommerce order as we last applied it: what it awarded, what was taken back, what redeemed points were
-- refunded, and the date_modified_gmt of the last event applied (older events are ignored).
CREATE TABLE shop_order (
    order_id             VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    user_id              BIGINT        NULL,
    status               VARCHAR(32)   NOT NULL,
    total                DECIMAL(19, 4) NOT NULL,
    eligible_total       DECIMAL(19, 4) NOT NULL,
    awarded              INT           NOT NULL DEFAULT 0,
    award_transaction_id BIGINT        NULL,
    award_count          INT           NOT NULL DEFAULT 0,
    reversed             INT           NOT NULL DEFAULT 0,
    refunded_redeemed    INT           NOT NULL DEFAULT 0,
    date_modified_gmt    DATETIME(6)   NULL,
    last_payload         MEDIUMTEXT    NULL,
    first_seen_at        DATETIME(6)   NOT NULL,
    updated_at           DATETIME(6)   NOT NULL,
    version              BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (order_id),
    KEY ix_shop_order_user (user_id),
    KEY ix_shop_order_seen (first_seen_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per WooCommerce refund id: each reverses its share of the award once.
CREATE TABLE shop_order_refund (
    refund_id       BIGINT         NOT NULL,
    order_id        VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    amount          DECIMAL(19, 4) NOT NULL,
    points_reversed INT            NOT NULL,
    created_at      DATETIME(6)    NOT NULL,
    PRIMARY KEY (refund_id),
    KEY ix_shop_order_refund_order (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every webhook delivery received, with its body (re-processing starts from it): (delivery id, body hash) is
-- unique, so WooCommerce's repeats are recognised.
CREATE TABLE webhook_delivery (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    delivery_id VARCHAR(64)   NOT NULL,
    body_hash   CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    topic       VARCHAR(64)   NOT NULL,
    resource_id VARCHAR(64)   NULL,
    outcome     VARCHAR(16)   NOT NULL,
    detail      VARCHAR(1000) NULL,
    payload     MEDIUMTEXT    NULL,
    received_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_webhook_delivery UNIQUE (delivery_id, body_hash),
    KEY ix_webhook_delivery_received (received_at),
    KEY ix_webhook_delivery_resource (resource_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
