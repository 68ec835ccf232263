-- Residents' needs in an emergency (issue 8): a need is an ordinary call of urgency EMERGENCY (short limits on the
-- clock), so it has the call engine's rules, timeline, timers and figures. The needs' kinds are call categories
-- (no organ answers for them by duty, so such a call waits for the emergency to route it). When an EMERGENCY call is
-- raised for a community in the zone of an active emergency, the emergency records which of its teams the need went
-- to. A need's state is the call's: closed_at follows the call's closing and reopening (its events), nobody types it.

INSERT INTO category (code, name) VALUES ('NEED_MEDICINE', '应急需求·药品');
INSERT INTO category (code, name) VALUES ('NEED_FOOD', '应急需求·生活物资');
INSERT INTO category (code, name) VALUES ('NEED_TRANSPORT', '应急需求·出行/就医转运');
INSERT INTO category (code, name) VALUES ('NEED_OTHER', '应急需求·其他');

-- call_id names the call of the calls module (no foreign key: on PostgreSQL the call table is partitioned by
-- raised_at and its key is (id, raised_at)). team_id NULL: no team of the emergency in the community or its street
-- (unrouted); organ_id: the organ the call was dispatched to (the team lead's organ), NULL when the call had left the
-- queue already (its category's organ has it) or the lead has no organ.
CREATE TABLE emergency_need (
    call_id      BIGINT        PRIMARY KEY,
    emergency_id BIGINT        NOT NULL REFERENCES emergency (id),
    community_id BIGINT        NOT NULL REFERENCES community (id),
    kind         VARCHAR(12)   NOT NULL,
    team_id      BIGINT REFERENCES emergency_team (id),
    organ_id     BIGINT REFERENCES organ (id),
    raised_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    assigned_at  TIMESTAMP WITH TIME ZONE,
    closed_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT emergency_need_kind CHECK (kind IN ('MEDICINE', 'FOOD', 'TRANSPORT', 'OTHER'))
);
CREATE INDEX emergency_need_emergency ON emergency_need (emergency_id, closed_at, community_id);
CREATE INDEX emergency_need_team ON emergency_need (team_id, closed_at);
CREATE INDEX emergency_need_community ON emergency_need (community_id);
