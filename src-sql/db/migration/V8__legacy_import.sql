-- Legacy import log: one row per import of a WordPress database (./twork import-legacy). source_identity names the
-- legacy installation (its siteurl and table prefix) and source_fingerprint is SHA-256 of the rows read, so a
-- second run of the same source is recognised (and changes nothing) and a different or changed source is refused.
-- report: the full report printed by the command, anomalies included.
CREATE TABLE legacy_import (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    source_identity    VARCHAR(500)  NOT NULL,
    source_fingerprint CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    source_location    VARCHAR(500)  NOT NULL,
    table_prefix       VARCHAR(64)   NOT NULL,
    imported_at        DATETIME(6)   NOT NULL,
    imported_by        VARCHAR(191)  NOT NULL,
    members            INT           NOT NULL,
    transactions       INT           NOT NULL,
    api_keys           INT           NOT NULL,
    audit_rows         INT           NOT NULL,
    anomalies          INT           NOT NULL,
    max_legacy_id      BIGINT        NOT NULL,
    report             MEDIUMTEXT    NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
