-- Decisions become work: a decision of a meeting may be raised as a call (once); its state follows the call's
-- and it is delivered when the call is closed and not rated unsolved. A decision without a call is 未落实.

ALTER TABLE meeting_decision ADD COLUMN call_id BIGINT;
ALTER TABLE meeting_decision ADD COLUMN call_state VARCHAR(16);
ALTER TABLE meeting_decision ADD COLUMN delivered BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE meeting_decision ADD COLUMN version INT NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX meeting_decision_call ON meeting_decision (call_id);
