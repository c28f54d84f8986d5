-- Rows that servers sharing one store lock (SELECT ... FOR UPDATE) to take turns at something
-- only one may do at a time. 'audit': appending to the audit chain, whose next entry hashes the
-- one before it, so two servers appending at once must not both link to the same tail.
CREATE TABLE store_lock (
    name VARCHAR(32) NOT NULL PRIMARY KEY
);
INSERT INTO store_lock (name) VALUES ('audit');
