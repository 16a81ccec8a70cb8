-- Pairing (SPEC §3.5) looks for an unpaired row of the member from the other channel with the same type and
-- points inside the pairing window. Without an index of its own it read every row of the member in the window,
-- once per /earn, /redeem and sync item: a 100-item batch read its own growing rows 100 times over.
-- The open-lot index now carries `remaining`, so the balance's two sums (due, expiring soon) are read from the
-- index alone; `id` stays before it so the FIFO scans (ORDER BY lot_expiry, id) still need no sort.
ALTER TABLE point_transaction
    ADD INDEX ix_point_transaction_pairing (user_id, source, type, points, created_at),
    ADD INDEX ix_point_transaction_open_lots (user_id, lot_expiry, id, remaining),
    DROP INDEX ix_point_transaction_member_lots;
