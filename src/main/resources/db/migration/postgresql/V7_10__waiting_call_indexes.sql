-- City scale (docs/performance.md): the overdue figure counts the waiting calls past a limit. With the state and both
-- limits in the index of waiting calls, the count reads that index alone, never the calls themselves.
DROP INDEX IF EXISTS call_waiting_reply_by;
CREATE INDEX call_waiting_reply_by ON call (reply_by) INCLUDE (state, accept_by) WHERE state IN ('DISPATCHED', 'ACCEPTED');
-- An organ's inbox: the calls it was summoned to and has not yet checked in to, among its hundreds of thousands.
CREATE INDEX IF NOT EXISTS call_handler_check_in ON call_handler (organ_id)
    WHERE check_in_by IS NOT NULL AND checked_in_at IS NULL AND NOT missed;
-- The response rate counts live the dispatches whose accept limit is still ahead (tens of thousands in a city):
-- with what that count reads in the index, it never visits the dispatches themselves.
DROP INDEX IF EXISTS call_assignment_unaccepted;
CREATE INDEX call_assignment_unaccepted ON call_assignment (accept_by)
    INCLUDE (returned_at, rerouted_at, organ_id, call_raised_at) WHERE accepted_at IS NULL;
