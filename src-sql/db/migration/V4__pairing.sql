-- Pairing of the app's two ways of sending one event (SPEC §3.5): a row posted through /earn or /redeem and
-- the same event echoed later through /sync with the app's local id, or the other way round. paired = 1 once
-- a row has been matched, so each row pairs at most once.
ALTER TABLE point_transaction
    ADD COLUMN paired BOOLEAN NOT NULL DEFAULT FALSE AFTER client_ref;
