-- Two facts the account row carries so that a write, which locks this row first anyway, can skip a query (issue 15):
-- next_expiry:  no open lot of the member expires before this instant (9999-12-31 23:59:59: none will, until a new
--               lot opens). A write scans the member's lots for due ones only when next_expiry <= now. It may be
--               earlier than the true earliest expiry (a lot it pointed at was spent: one scan too many, which
--               corrects it), never later. NULL = unknown: scan (rows written by tools that bypass the application).
-- last_sync_at: when the newest row applied through /sync was written. An /earn or /redeem looks for a /sync row to
--               pair with (SPEC §3.5) only when that is inside the pairing window. NULL = unknown: look.
ALTER TABLE point_account
    ADD COLUMN next_expiry  DATETIME(6) NULL AFTER pending,
    ADD COLUMN last_sync_at DATETIME(6) NULL AFTER next_expiry;

UPDATE point_account a
SET a.next_expiry  = COALESCE((SELECT MIN(t.lot_expiry)
                               FROM point_transaction t
                               WHERE t.user_id = a.user_id
                                 AND t.lot_expiry IS NOT NULL), TIMESTAMP '9999-12-31 23:59:59'),
    a.last_sync_at = COALESCE((SELECT MAX(t.created_at)
                               FROM point_transaction t
                               WHERE t.user_id = a.user_id
                                 AND t.source = 'sync'), TIMESTAMP '1970-01-01 00:00:00');
