-- City scale (tens of millions of calls a year): calls are partitioned by the month they were raised, their
-- events by the month they happened (Asia/Shanghai months). Lists filter and sort by raised_at, so a
-- period touches only its months; old months can be moved to cheaper storage without touching new ones.
-- CallPartitions creates the months ahead; a DEFAULT partition catches anything outside them.
--
-- A foreign key cannot point at a partitioned table unless it includes the partition key, so the rows
-- that belong to a call (handlers, dispatches, events, notices, idempotency keys) lose theirs here: the
-- call repository writes a call and its rows in one transaction, and nothing is ever deleted.

ALTER TABLE call_handler DROP CONSTRAINT call_handler_call_id_fkey;
ALTER TABLE call_assignment DROP CONSTRAINT call_assignment_call_id_fkey;
ALTER TABLE call_event DROP CONSTRAINT call_event_call_id_fkey;
ALTER TABLE call_notice DROP CONSTRAINT call_notice_call_id_fkey;

ALTER TABLE call RENAME TO call_v4;
ALTER TABLE call_event RENAME TO call_event_v4;
ALTER TABLE call_v4 RENAME CONSTRAINT call_pkey TO call_v4_pkey;
ALTER TABLE call_v4 RENAME CONSTRAINT call_state TO call_v4_state;
ALTER TABLE call_event_v4 RENAME CONSTRAINT call_event_pkey TO call_event_v4_pkey;
DROP INDEX call_state_raised, call_community, call_street, call_lead, call_category_raised, call_raised_at, call_reply_by,
    call_event_call, call_event_type_at;

-- PostgreSQL 15 has no identity columns on partitioned tables: a plain sequence numbers them.
CREATE SEQUENCE call_seq;
SELECT setval('call_seq', COALESCE((SELECT MAX(id) FROM call_v4), 0) + 1, false);
CREATE SEQUENCE call_event_seq;
SELECT setval('call_event_seq', COALESCE((SELECT MAX(id) FROM call_event_v4), 0) + 1, false);

CREATE TABLE call (
    id               BIGINT       NOT NULL DEFAULT nextval('call_seq'),
    version          INT          NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    title            VARCHAR(200) NOT NULL,
    description      VARCHAR(4000),
    category_code    VARCHAR(32)  NOT NULL REFERENCES category (code),
    urgency          VARCHAR(16)  NOT NULL,
    origin           VARCHAR(16)  NOT NULL,
    community_id     BIGINT       NOT NULL REFERENCES community (id),
    street_id        BIGINT       NOT NULL REFERENCES street (id),
    grid_id          BIGINT REFERENCES grid (id),
    address          VARCHAR(300),
    latitude         DOUBLE PRECISION,
    longitude        DOUBLE PRECISION,
    raised_by        VARCHAR(64)  NOT NULL,
    raiser_scope     VARCHAR(32),
    contact_name     VARCHAR(50),
    contact_phone    VARCHAR(20),
    idempotency_key  VARCHAR(100),
    raised_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    lead_organ_id    BIGINT REFERENCES organ (id),
    accept_by        TIMESTAMP WITH TIME ZONE,
    reply_by         TIMESTAMP WITH TIME ZONE,
    round            INT          NOT NULL,
    generation       INT          NOT NULL,
    closed_at        TIMESTAMP WITH TIME ZONE,
    reply            VARCHAR(4000),
    rating           VARCHAR(24),
    solved           BOOLEAN,
    reopens          INT          NOT NULL,
    extension_state  VARCHAR(16)  NOT NULL,
    extension_until  TIMESTAMP WITH TIME ZONE,
    extension_reason VARCHAR(500),
    CONSTRAINT call_pkey PRIMARY KEY (id, raised_at),
    CONSTRAINT call_state CHECK (state IN ('RAISED', 'DISPATCHED', 'RETURNED', 'ACCEPTED', 'REPLIED', 'CLOSED'))
) PARTITION BY RANGE (raised_at);
ALTER SEQUENCE call_seq OWNED BY call.id;

CREATE TABLE call_event (
    id         BIGINT      NOT NULL DEFAULT nextval('call_event_seq'),
    call_id    BIGINT      NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    actor      VARCHAR(64) NOT NULL,
    type       VARCHAR(32) NOT NULL,
    from_state VARCHAR(16),
    to_state   VARCHAR(16) NOT NULL,
    organ_id   BIGINT REFERENCES organ (id),
    note       VARCHAR(4000),
    CONSTRAINT call_event_pkey PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
ALTER SEQUENCE call_event_seq OWNED BY call_event.id;

CREATE TABLE call_default PARTITION OF call DEFAULT;
CREATE TABLE call_event_default PARTITION OF call_event DEFAULT;
DO $$
DECLARE
    month DATE := DATE '2025-01-01';
BEGIN
    WHILE month < DATE '2028-01-01' LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF call FOR VALUES FROM (%L) TO (%L)', 'call_' || to_char(month, 'YYYY_MM'),
                       month::text || ' 00:00:00+08', (month + INTERVAL '1 month')::date::text || ' 00:00:00+08');
        EXECUTE format('CREATE TABLE %I PARTITION OF call_event FOR VALUES FROM (%L) TO (%L)', 'call_event_' || to_char(month, 'YYYY_MM'),
                       month::text || ' 00:00:00+08', (month + INTERVAL '1 month')::date::text || ' 00:00:00+08');
        month := (month + INTERVAL '1 month')::date;
    END LOOP;
END $$;

INSERT INTO call SELECT id, version, state, title, description, category_code, urgency, origin, community_id, street_id, grid_id,
       address, latitude, longitude, raised_by, raiser_scope, contact_name, contact_phone, idempotency_key, raised_at, lead_organ_id,
       accept_by, reply_by, round, generation, closed_at, reply, rating, solved, reopens, extension_state, extension_until,
       extension_reason FROM call_v4;
INSERT INTO call_event SELECT id, call_id, at, actor, type, from_state, to_state, organ_id, note FROM call_event_v4;
DROP TABLE call_v4;
DROP TABLE call_event_v4;

CREATE INDEX call_state_raised ON call (state, raised_at);
CREATE INDEX call_community ON call (community_id, raised_at);
CREATE INDEX call_street ON call (street_id, raised_at);
CREATE INDEX call_lead ON call (lead_organ_id, state);
CREATE INDEX call_category_raised ON call (category_code, raised_at);
CREATE INDEX call_raised_at ON call (raised_at);
CREATE INDEX call_reply_by ON call (state, reply_by);
CREATE INDEX call_event_call ON call_event (call_id, id);
CREATE INDEX call_event_type_at ON call_event (type, at);
