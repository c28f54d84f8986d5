-- The audit trail from here on is kept in blocks: each row holds consecutive entries (first_seq to
-- last_seq) in the journal's record layout, and the last one's hash, so storing an entry costs a
-- share of one row rather than a row. audit_entry keeps the entries written before, which all come
-- before the first block; nothing is inserted there any more.
CREATE TABLE audit_block (
    first_seq BIGINT    NOT NULL PRIMARY KEY,
    last_seq  BIGINT    NOT NULL,
    last_hash CHAR(64)  NOT NULL,
    entries   VARBINARY NOT NULL
);
CREATE UNIQUE INDEX audit_block_last ON audit_block (last_seq);
