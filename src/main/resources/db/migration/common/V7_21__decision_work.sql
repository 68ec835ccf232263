-- A decision may instead become a task of a member of the organisation with a due date; it is delivered when the
-- owner reports what was done. A decision becomes work once, one way (a call or a task).

ALTER TABLE meeting_decision ADD COLUMN owner_id BIGINT REFERENCES member (id);
ALTER TABLE meeting_decision ADD COLUMN due_on DATE;
ALTER TABLE meeting_decision ADD COLUMN reported_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE meeting_decision ADD COLUMN report VARCHAR(1000);
CREATE INDEX meeting_decision_owner ON meeting_decision (owner_id, due_on);

-- Or, for the committee's own meetings, a directive to organs: delivered once every unit has reported it completed.
ALTER TABLE meeting_decision ADD COLUMN directive_id BIGINT;
ALTER TABLE meeting_decision ADD COLUMN directive_units INT;
ALTER TABLE meeting_decision ADD COLUMN directive_completed INT;
CREATE UNIQUE INDEX meeting_decision_directive ON meeting_decision (directive_id);
