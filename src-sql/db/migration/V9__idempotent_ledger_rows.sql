-- idempotency_scope: the Idempotency-Key claim (idempotency_record.scope_hash) an /earn or /redeem row was written
-- under, set in the use case's own transaction. The stored answer is written afterwards in another transaction;
-- when a crash falls between the two, a retry that takes the abandoned claim over finds this row and answers with
-- it instead of writing the points a second time.
ALTER TABLE point_transaction
    ADD COLUMN idempotency_scope CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER client_order_key,
    ADD CONSTRAINT uq_point_transaction_idempotency UNIQUE (idempotency_scope);
