-- The dispatches not (yet) accepted: the response rate counts those still within their accept limit live.
CREATE INDEX call_assignment_unaccepted ON call_assignment (accept_by) WHERE accepted_at IS NULL;
