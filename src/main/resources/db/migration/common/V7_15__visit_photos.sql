-- The optional photo of a visit: never required, never counted in any figure or score.
CREATE TABLE visit_photo (
    visit_id     BIGINT       NOT NULL PRIMARY KEY REFERENCES visit (id),
    content_type VARCHAR(32)  NOT NULL,
    content      BYTEA        NOT NULL,
    size_bytes   INT          NOT NULL,
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by     VARCHAR(64)  NOT NULL
);
