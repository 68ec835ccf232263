-- 支部书记每年至少讲一次党课: a lecture rule may also ask that the organisation's secretary give one of its lectures each
-- year. On by default for branches, general branches and committees.
ALTER TABLE meeting_rule ADD COLUMN secretary_yearly BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE meeting_rule SET secretary_yearly = TRUE WHERE kind = 'LECTURE' AND org_kind IN ('BRANCH', 'GENERAL_BRANCH', 'COMMITTEE');
