-- Holds keep clips from retention: a clip with a hold is never deleted, whatever its age or its
-- tier's byte budget. One hold per clip; the reason says who needs it (a case, an inquiry).

CREATE TABLE clip_hold (
    clip_id     BIGINT        NOT NULL PRIMARY KEY,
    reason      VARCHAR(500)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
