-- Earning rules and campaigns (issue 23, docs/rules.md) and the product catalog they are written against.

-- The shop's products as WooCommerce last told us (product webhooks, ./twork import-products). A deleted product
-- keeps its row (deleted = 1), so a late update of it is recognised as older than the deletion.
CREATE TABLE product (
    product_id        BIGINT        NOT NULL,
    sku               VARCHAR(100)  NULL,
    name              VARCHAR(255)  NOT NULL,
    deleted           TINYINT(1)    NOT NULL DEFAULT 0,
    date_modified_gmt DATETIME(6)   NULL,
    updated_at        DATETIME(6)   NOT NULL,
    PRIMARY KEY (product_id),
    KEY ix_product_sku (sku)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE product_category (
    product_id  BIGINT NOT NULL,
    category_id BIGINT NOT NULL,
    PRIMARY KEY (product_id, category_id),
    KEY ix_product_category_category (category_id),
    CONSTRAINT fk_product_category_product FOREIGN KEY (product_id) REFERENCES product (product_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Categories are learnt from the products that name them; a rule may only name a category seen here.
CREATE TABLE product_category_name (
    category_id BIGINT       NOT NULL,
    name        VARCHAR(255) NOT NULL,
    slug        VARCHAR(255) NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (category_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A rule: its life (status) and which version is current. Editing a rule adds a version; an award records the
-- version it used, so what was awarded is never rewritten. status: active, paused, ended.
CREATE TABLE earning_rule (
    rule_id         BIGINT      NOT NULL AUTO_INCREMENT,
    current_version INT         NOT NULL,
    status          VARCHAR(16) NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    version         BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (rule_id),
    KEY ix_earning_rule_status (status),
    CONSTRAINT ck_earning_rule_status CHECK (status IN ('active', 'paused', 'ended'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One version of a rule, never updated. definition: scope, effect, tiers, minimum order value and caps as JSON
-- (RuleDefinitions); the window is wall-clock time in the site zone.
CREATE TABLE earning_rule_version (
    rule_id     BIGINT       NOT NULL,
    version     INT          NOT NULL,
    name        VARCHAR(120) NOT NULL,
    priority    INT          NOT NULL,
    starts_at   DATETIME     NULL,
    ends_at     DATETIME     NULL,
    definition  TEXT         NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (rule_id, version),
    CONSTRAINT fk_earning_rule_version_rule FOREIGN KEY (rule_id) REFERENCES earning_rule (rule_id),
    CONSTRAINT ck_earning_rule_version_definition CHECK (JSON_VALID(definition))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The breakdown of an order award: what each line earned from each rule (rule 0 = the default rate), and how much
-- of it refunds took back. award_day is the site-local day of the award, for the per-member per-day caps. Every line
-- has a default-rate entry carrying the line's product, quantity and amount: the dry run of a new rule over past
-- orders ("what would this have cost?") is one set-based query over these rows.
CREATE TABLE order_award_entry (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    transaction_id BIGINT       NOT NULL,
    order_id       VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    user_id        BIGINT       NOT NULL,
    line_key       VARCHAR(64)  NOT NULL,
    rule_id        BIGINT       NOT NULL,
    rule_version   INT          NOT NULL,
    label          VARCHAR(200) NOT NULL,
    points         INT          NOT NULL,
    reversed       INT          NOT NULL DEFAULT 0,
    capped         TINYINT(1)   NOT NULL DEFAULT 0,
    award_day      DATE         NOT NULL,
    awarded_at     DATETIME(6)  NOT NULL,
    product_id     BIGINT       NULL,
    quantity       INT          NOT NULL DEFAULT 0,
    amount         DECIMAL(19, 4) NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_order_award_entry_transaction (transaction_id),
    KEY ix_order_award_entry_usage (user_id, rule_id, award_day),
    KEY ix_order_award_entry_day (rule_id, award_day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
