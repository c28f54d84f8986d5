-- The audit trail, hash-chained: each row's hash covers its fields and the previous row's hash.
-- Rows are only ever inserted.
CREATE TABLE audit_entry (
    seq       BIGINT        NOT NULL PRIMARY KEY,
    at_ms     BIGINT        NOT NULL,
    actor     VARCHAR(128),
    address   VARCHAR(64),
    action    VARCHAR(64)   NOT NULL,
    target    VARCHAR(2048),
    result    INTEGER       NOT NULL,
    prev_hash CHAR(64)      NOT NULL,
    hash      CHAR(64)      NOT NULL
);
