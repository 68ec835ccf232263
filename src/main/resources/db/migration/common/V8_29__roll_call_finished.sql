-- A roll-call is finished when its last chunk is recorded: a retry with the same key finishes one that stopped
-- part-way (a chunk's transaction failed) instead of replaying its partial result.
ALTER TABLE roll_call ADD COLUMN finished_at TIMESTAMP WITH TIME ZONE;
UPDATE roll_call SET finished_at = recorded_at;
