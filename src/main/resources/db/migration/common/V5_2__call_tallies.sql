-- Tallies of the call figures, kept up to date by every step in its own transaction, so that the rates of a
-- month or a year of a whole city are read from a few thousand rows instead of counted from tens of millions
-- of dispatches. CallTallies rebuilds them from the raw rows; CallTallyTests checks they always agree.

-- Which dispatch of a call counts it: its first dispatch (for figures over calls), its first to each organ
-- (for an organ's figures). call_handler remembers which organs were ever dispatched to.
ALTER TABLE call_assignment ADD COLUMN first_of_call BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE call_assignment ADD COLUMN first_to_organ BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE call_assignment SET
    first_of_call = (id = (SELECT MIN(x.id) FROM call_assignment x WHERE x.call_id = call_assignment.call_id)),
    first_to_organ = (id = (SELECT MIN(x.id) FROM call_assignment x
                            WHERE x.call_id = call_assignment.call_id AND x.organ_id = call_assignment.organ_id));
ALTER TABLE call_handler ADD COLUMN dispatched BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE call_handler SET dispatched = EXISTS (SELECT 1 FROM call_assignment x
                                             WHERE x.call_id = call_handler.call_id AND x.organ_id = call_handler.organ_id);

-- dim 'O': a street × organ × category (the organ of the dispatch); dim 'C': a street × community (every
-- dispatch, and the calls themselves). grain 'D': period is the day the call was raised (Asia/Shanghai);
-- grain 'M': period is the first day of that month. Unused key columns hold 0 or ''. raised and open_calls count
-- calls (in 'C' rows); calls counts first dispatches of calls, organ_calls first dispatches of a call to an
-- organ; the others count dispatches (see docs/rates.md).
CREATE TABLE call_tally (
    dim                CHAR(1)     NOT NULL,
    grain              CHAR(1)     NOT NULL,
    period             DATE        NOT NULL,
    street_id          BIGINT      NOT NULL,
    community_id       BIGINT      NOT NULL,
    organ_id           BIGINT      NOT NULL,
    category_code      VARCHAR(32) NOT NULL,
    raised             BIGINT      NOT NULL,
    open_calls         BIGINT      NOT NULL,
    calls              BIGINT      NOT NULL,
    organ_calls        BIGINT      NOT NULL,
    dispatches         BIGINT      NOT NULL,
    accepted           BIGINT      NOT NULL,
    accepted_in_time   BIGINT      NOT NULL,
    unaccepted_counted BIGINT      NOT NULL,
    replied            BIGINT      NOT NULL,
    replied_in_time    BIGINT      NOT NULL,
    rated              BIGINT      NOT NULL,
    solved             BIGINT      NOT NULL,
    satisfied          BIGINT      NOT NULL,
    basically          BIGINT      NOT NULL,
    PRIMARY KEY (dim, grain, period, street_id, community_id, organ_id, category_code),
    CONSTRAINT call_tally_dim CHECK (dim IN ('O', 'C')),
    CONSTRAINT call_tally_grain CHECK (grain IN ('D', 'M'))
);
