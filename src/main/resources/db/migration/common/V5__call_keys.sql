-- The idempotency keys of calls get a table of their own: on PostgreSQL the call table is partitioned by
-- month (V5_1), and a unique constraint on a partitioned table would have to include the month, which a
-- retried request does not repeat.
CREATE TABLE call_key (
    raised_by       VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    call_id         BIGINT       NOT NULL,
    PRIMARY KEY (raised_by, idempotency_key)
);
INSERT INTO call_key (raised_by, idempotency_key, call_id)
SELECT raised_by, idempotency_key, id FROM call WHERE idempotency_key IS NOT NULL;
ALTER TABLE call DROP CONSTRAINT call_idempotency;
