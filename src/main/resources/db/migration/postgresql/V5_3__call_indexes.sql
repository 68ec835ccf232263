-- The dispatches not (yet) accepted: the response rate counts those still within their accept limit live.
CREATE INDEX call_assignment_unaccepted ON call_assignment (accept_by) WHERE accepted_at IS NULL;
-- Calls waiting for an organ: the overdue board and the overdue figure read only these few among millions.
CREATE INDEX call_waiting_reply_by ON call (reply_by) WHERE state IN ('DISPATCHED', 'ACCEPTED');
CREATE INDEX call_waiting_accept_by ON call (accept_by) WHERE state = 'DISPATCHED';
