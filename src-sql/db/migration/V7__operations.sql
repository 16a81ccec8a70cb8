-- Operations: failures counted for the staff alert, and the alert's dismissal.

-- Failures (not business rejections) of earn/redeem/sync/webhook processing and reconciliation drift; the
-- console's alert counts those of the last hour. Housekeeping deletes rows older than 7 days.
CREATE TABLE failure_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    occurred_at DATETIME(6)   NOT NULL,
    kind        VARCHAR(32)   NOT NULL,
    detail      VARCHAR(1000) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_failure_event_time (occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row: when staff last dismissed the alert; it shows again as soon as a newer failure arrives.
CREATE TABLE alert_state (
    id           TINYINT      NOT NULL,
    dismissed_at DATETIME(6)  NULL,
    dismissed_by VARCHAR(191) NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_alert_state_single CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT IGNORE INTO alert_state (id) VALUES (1);

INSERT IGNORE INTO job_schedule (name, next_run_at) VALUES
    ('housekeeping', UTC_TIMESTAMP(6)),
    ('reconciliation', UTC_TIMESTAMP(6));
