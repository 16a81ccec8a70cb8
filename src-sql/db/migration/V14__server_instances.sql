-- server_instance: every running server instance, with a heartbeat it refreshes every second. An Idempotency-Key
-- claim records the instance that took it (idempotency_record.owner_instance); a claim still "in progress" whose
-- owner has stopped beating (killed, crashed, cut off) belongs to a request that can no longer answer, and a retry
-- may take it over within seconds instead of after 15 minutes. Times are the database's own clock (UTC), so the
-- instances' clocks never have to agree.
CREATE TABLE server_instance (
    instance_id  CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    host_name    VARCHAR(255) NOT NULL,
    started_at   DATETIME(6)  NOT NULL,
    heartbeat_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (instance_id),
    KEY ix_server_instance_heartbeat (heartbeat_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- NULL for claims made before this version (and by tools): only the 15-minute rule applies to them.
ALTER TABLE idempotency_record
    ADD COLUMN owner_instance CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER state;
