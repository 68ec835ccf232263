-- The optional photo of a meeting: never required, never counted in any figure, compliance or score.
CREATE TABLE meeting_photo (
    meeting_id   BIGINT       NOT NULL PRIMARY KEY REFERENCES meeting (id),
    content_type VARCHAR(32)  NOT NULL,
    content      BYTEA        NOT NULL,
    size_bytes   INT          NOT NULL,
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by     VARCHAR(64)  NOT NULL
);
