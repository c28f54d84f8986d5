-- A journaled trail's entries from here on are written once, to the audit journal's segments; the
-- database keeps where they lie: each row covers consecutive entries (first_seq to last_seq), the
-- bytes byte_from to byte_to of the segment named by its first entry's number, and the last one's
-- hash. Every span comes after every audit_block and audit_entry entry.
CREATE TABLE audit_span (
    first_seq BIGINT   NOT NULL PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL,
    segment   BIGINT   NOT NULL,
    byte_from BIGINT   NOT NULL,
    byte_to   BIGINT   NOT NULL
);
CREATE UNIQUE INDEX audit_span_last ON audit_span (last_seq);
