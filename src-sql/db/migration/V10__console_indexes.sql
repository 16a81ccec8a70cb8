-- The console lists every member's transactions newest first (and pages through them, and exports them in the
-- same order): without this index each page would sort the whole ledger.
CREATE INDEX ix_point_transaction_created ON point_transaction (created_at, id);
