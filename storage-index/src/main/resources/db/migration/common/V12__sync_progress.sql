-- A parent tier node's progress through each child's journal: the highest sequence applied.
CREATE TABLE sync_progress (
    node_id      VARCHAR(64)   NOT NULL PRIMARY KEY,
    acked_seq    BIGINT        NOT NULL,
    last_push_ms BIGINT        NOT NULL
);
