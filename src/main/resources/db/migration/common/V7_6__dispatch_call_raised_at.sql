-- City scale: on PostgreSQL the calls are partitioned by the month they were raised (V5_1), so a join from a
-- dispatch or a handler to its call by id alone probes every month's partition (37 of them, for every row).
-- Dispatches and handlers carry their call's raised_at (which never changes) and every join names it too
-- (c.id = a.call_id AND c.raised_at = a.call_raised_at): each probe then reads one partition.
-- A big database can be converted ahead of time with set-based statements (docs/performance.md, "City scale"): the
-- column is then present and filled, and this migration only checks it.
ALTER TABLE call_handler ADD COLUMN IF NOT EXISTS call_raised_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE call_assignment ADD COLUMN IF NOT EXISTS call_raised_at TIMESTAMP WITH TIME ZONE;
UPDATE call_handler SET call_raised_at = (SELECT c.raised_at FROM call c WHERE c.id = call_handler.call_id)
    WHERE call_raised_at IS NULL;
UPDATE call_assignment SET call_raised_at = (SELECT c.raised_at FROM call c WHERE c.id = call_assignment.call_id)
    WHERE call_raised_at IS NULL;
ALTER TABLE call_handler ALTER COLUMN call_raised_at SET NOT NULL;
ALTER TABLE call_assignment ALTER COLUMN call_raised_at SET NOT NULL;
