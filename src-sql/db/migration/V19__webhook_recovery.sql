-- A delivery recorded and never finished (its instance stopped between recording and applying it) is applied by the
-- webhook_recovery job (decision 107); the index finds those few rows without reading the whole delivery log.
ALTER TABLE webhook_delivery ADD KEY ix_webhook_delivery_outcome (outcome, received_at);

INSERT IGNORE INTO job_schedule (name, next_run_at) VALUES ('webhook_recovery', UTC_TIMESTAMP(6));
