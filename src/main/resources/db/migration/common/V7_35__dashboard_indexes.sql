-- The command dashboard: the calls replied on a day are found through their dispatches' reply times, and the visits
-- of a month through their day (the trends read a year of visits per scope).
CREATE INDEX call_assignment_replied ON call_assignment (replied_at);
CREATE INDEX visit_visited_on ON visit (visited_on);
