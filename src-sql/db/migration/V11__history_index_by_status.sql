-- A member's history is always read for a set of statuses (the app's list shows available rows only), newest
-- first. With the status in the index the count and the scan to a deep page's offset stay inside the index; only
-- the page's own 20 rows are read from the table (LedgerQueries.history). The old index without the status had
-- to read every skipped row to check its status: a page near the end of a long history read all of them.
ALTER TABLE point_transaction
    ADD INDEX ix_point_transaction_history_status (user_id, status, created_at, id),
    DROP INDEX ix_point_transaction_history;
