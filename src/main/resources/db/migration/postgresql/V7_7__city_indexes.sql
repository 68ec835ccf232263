-- City scale (docs/performance.md, "City scale (PostgreSQL)"): an organ's calls, read from its handler and dispatch
-- rows with the month of each call (V7_6), so that the list of an organ's calls and its capped count probe one
-- partition of call per row, and an organ's dispatches of a period are found without reading its other months.
CREATE INDEX IF NOT EXISTS call_handler_organ_raised ON call_handler (organ_id, call_raised_at, call_id);
CREATE INDEX IF NOT EXISTS call_assignment_organ_raised ON call_assignment (organ_id, call_raised_at, call_id);
-- IF NOT EXISTS: a big database may have them built ahead of the application's start (docs/performance.md).
