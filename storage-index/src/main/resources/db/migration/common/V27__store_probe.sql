-- One row the readiness check writes to: a store that answers reads but cannot take writes (a full
-- disk under the embedded store) is not ready. Not copied by store copy; each store has its own.
CREATE TABLE store_probe (
    id        INTEGER NOT NULL PRIMARY KEY,
    probed_ms BIGINT  NOT NULL
);
INSERT INTO store_probe (id, probed_ms) VALUES (1, 0);
