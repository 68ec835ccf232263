-- PostgreSQL only. The unsatisfied ratings of a period, which the committee follows up, from a small partial index.
CREATE INDEX evaluation_unsatisfied ON evaluation (period_id, organ_id) WHERE grade = 'UNSATISFIED';

-- Evaluations are never deleted (a period closes, a rating is revised) and their events never change.
CREATE FUNCTION evaluation_is_kept() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% keeps every row: % refused', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER evaluation_period_kept BEFORE DELETE ON evaluation_period
    FOR EACH ROW EXECUTE FUNCTION evaluation_is_kept();
CREATE TRIGGER evaluation_kept BEFORE DELETE ON evaluation
    FOR EACH ROW EXECUTE FUNCTION evaluation_is_kept();
CREATE TRIGGER evaluation_event_append_only BEFORE UPDATE OR DELETE ON evaluation_event
    FOR EACH ROW EXECUTE FUNCTION evaluation_is_kept();
