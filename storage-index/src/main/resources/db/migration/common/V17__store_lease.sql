-- Which server writes this store. One server per store: clip ids, the clip index's arrival
-- slices, the health monitor and the recorders are each run by one process. A server holds the
-- lease while it runs, renews it every few seconds, and gives it up when it stops; a second
-- server is refused until the lease has run out (or its holder, on the same host, has died).
CREATE TABLE store_lease (
    name        VARCHAR(32)   NOT NULL PRIMARY KEY,
    holder      VARCHAR(300)  NOT NULL,
    expires_ms  BIGINT        NOT NULL
);
