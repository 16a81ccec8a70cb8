-- A customer's data rights (issue 18, docs/privacy.md): erasure closes a member for good, idempotency records know
-- their member so erasure can find them, redacted audit rows name the erasure that redacted them, and the retention
-- of every table and file that holds personal data becomes a business setting.

-- 'erased': the member's personal data was removed (POST /members/{id}/erase); the row stays so the ledger keeps its
-- owner and the user id is never given to anybody else. No write is accepted for it any more.
ALTER TABLE member
    DROP CONSTRAINT ck_member_status,
    ADD CONSTRAINT ck_member_status CHECK (status IN ('active', 'inactive', 'erased'));

-- The member a stored answer is about (the body's user_id or the path's id), so erasure deletes exactly those
-- records. NULL: not about one member, or stored before this version (those age out within their 25 hours).
ALTER TABLE idempotency_record
    ADD COLUMN member_user_id BIGINT NULL AFTER owner_instance,
    ADD KEY ix_idempotency_record_member (member_user_id);

-- redacted_by: the id of the 'member.erased' audit row that replaced this row's personal fields (reason,
-- client_address, details) by NULL. That later row lists this row's id, its stored hash and the SHA-256 of its
-- redacted content, so the chain check still proves every kept field (AuditChain). details becomes MEDIUMTEXT:
-- an erasure row lists every row it redacted.
ALTER TABLE audit_log
    ADD COLUMN redacted_by BIGINT NULL AFTER details,
    MODIFY details MEDIUMTEXT NULL;

-- Retention (SPEC §9 housekeeping, docs/privacy.md "Retention" gives the reasons for each default).
INSERT IGNORE INTO setting (name, value, updated_at, updated_by) VALUES
    ('retention_idempotency_hours', '25', UTC_TIMESTAMP(6), 'seed'),
    ('retention_webhook_days', '90', UTC_TIMESTAMP(6), 'seed'),
    ('retention_session_minutes', '30', UTC_TIMESTAMP(6), 'seed'),
    ('retention_failure_days', '7', UTC_TIMESTAMP(6), 'seed'),
    ('retention_throttle_hours', '24', UTC_TIMESTAMP(6), 'seed'),
    ('retention_log_days', '30', UTC_TIMESTAMP(6), 'seed'),
    ('erase_on_customer_deleted', 'false', UTC_TIMESTAMP(6), 'seed');
