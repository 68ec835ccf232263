-- On PostgreSQL each step appends its differences to the call tallies here instead of updating the tally rows,
-- which every step of a busy street or organ waited on (docs/performance.md, "The call loop"); a timer folds them
-- into call_tally every few seconds, and every reader adds the rows not yet folded, so figures stay exact.
CREATE TABLE call_tally_delta (
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
    basically          BIGINT      NOT NULL
);
