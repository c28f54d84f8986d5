-- A child tier node's journal of committed changes (sites, cameras, health, clips, the audit head),
-- written in the same transaction as each change and pushed to the parent in seq order. Rows the
-- parent has acknowledged are deleted.
CREATE TABLE sync_journal (
    seq        BIGINT        NOT NULL PRIMARY KEY,
    kind       VARCHAR(16)   NOT NULL,
    op         VARCHAR(8)    NOT NULL,
    record_key VARCHAR(200)  NOT NULL,
    payload    CLOB,
    at_ms      BIGINT        NOT NULL
);
