-- The call-up detail page lists called members by state (posted or not) in member order; the mobilised-members
-- list finds reporting rows by member.
CREATE INDEX call_up_member_posted ON call_up_member (call_up_id, posted_at);
CREATE INDEX call_up_member_reporting ON call_up_member (answer, member_id);
