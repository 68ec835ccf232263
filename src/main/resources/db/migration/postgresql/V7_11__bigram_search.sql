-- City scale (docs/performance.md): searching 710,000 members by part of a name read every row (LIKE '%…%').
-- The lower-cased text's two-character pieces, indexed with GIN, find the candidates; the query's LIKE decides
-- (TextSearch). Two characters, because a Chinese search word is often only two long, which pg_trgm cannot serve.
CREATE OR REPLACE FUNCTION ronghe_bigrams(t TEXT) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT COALESCE(ARRAY(SELECT DISTINCT substr(lower(t), i, 2) FROM generate_series(1, char_length(t) - 1) AS i), '{}')
$$;
CREATE INDEX IF NOT EXISTS member_text_bigrams ON member USING gin (ronghe_bigrams(name || ' ' || code));
