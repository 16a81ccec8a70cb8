-- Accounts (staff and customer logins), secrets shared by all instances, throttle counters and the audit log.

-- role: ADMIN, MANAGER or CUSTOMER; a customer account is linked to its member.
-- password_hash: pbkdf2_sha256$<iterations>$<salt base64>$<hash base64>; never a clear password.
CREATE TABLE account (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    login          VARCHAR(100) NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    member_user_id BIGINT       NULL,
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    last_login_at  DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_account_login UNIQUE (login),
    CONSTRAINT fk_account_member FOREIGN KEY (member_user_id) REFERENCES member (user_id),
    CONSTRAINT ck_account_role CHECK (role IN ('ADMIN', 'MANAGER', 'CUSTOMER')),
    CONSTRAINT ck_account_customer_member CHECK (role <> 'CUSTOMER' OR member_user_id IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Logged-in sessions (browser customers and staff), shared by all instances: the cookie carries a random token,
-- the table keeps only its SHA-256. Idle sessions end after the configured timeout; housekeeping deletes them.
CREATE TABLE login_session (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    token_hash     CHAR(64)    NOT NULL,
    account_id     BIGINT      NOT NULL,
    created_at     DATETIME(6) NOT NULL,
    last_seen_at   DATETIME(6) NOT NULL,
    client_address VARCHAR(64) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_login_session_token UNIQUE (token_hash),
    CONSTRAINT fk_login_session_account FOREIGN KEY (account_id) REFERENCES account (id),
    KEY ix_login_session_seen (last_seen_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Secrets every instance must share (the nonce key), created once by whichever instance starts first.
CREATE TABLE server_secret (
    name       VARCHAR(64)  NOT NULL,
    value      VARCHAR(255) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Fixed-window counters (auth failures per client, login attempts per account, optional per-key rate):
-- one row per bucket and window; housekeeping deletes old windows.
CREATE TABLE throttle (
    bucket       VARCHAR(191) NOT NULL,
    window_start DATETIME(6)  NOT NULL,
    hits         INT          NOT NULL,
    PRIMARY KEY (bucket, window_start),
    KEY ix_throttle_window (window_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only trail of staff actions. hash = SHA-256(previous row's hash + this row's content); the chain
-- head row is locked by every append, so two instances can never fork the chain.
CREATE TABLE audit_log (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    created_at      DATETIME(6)   NOT NULL,
    actor           VARCHAR(191)  NOT NULL,
    action          VARCHAR(64)   NOT NULL,
    member_user_id  BIGINT        NULL,
    delta           BIGINT        NULL,
    reason          VARCHAR(1000) NULL,
    balance_before  BIGINT        NULL,
    balance_after   BIGINT        NULL,
    transaction_id  BIGINT        NULL,
    client_address  VARCHAR(64)   NULL,
    details         TEXT          NULL,
    prev_hash       CHAR(64)      NOT NULL,
    hash            CHAR(64)      NOT NULL,
    PRIMARY KEY (id),
    KEY ix_audit_member (member_user_id, id),
    KEY ix_audit_actor (actor, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE audit_chain_head (
    id        TINYINT  NOT NULL,
    last_id   BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_audit_chain_head_single CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT IGNORE INTO audit_chain_head (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

INSERT IGNORE INTO setting (name, value, updated_at, updated_by) VALUES
    ('login_attempt_limit', '5', UTC_TIMESTAMP(6), 'seed'),
    ('key_rate_limit_per_minute', '0', UTC_TIMESTAMP(6), 'seed');
