-- What a parent tier node keeps of its child nodes' pushes besides the registry.

-- A deeper node's link can be reported (and alarmed) too.
ALTER TABLE health_event DROP CONSTRAINT health_event_subject_known;
ALTER TABLE health_event ADD CONSTRAINT health_event_subject_known CHECK (subject IN ('CAMERA', 'SITE', 'NODE'));

-- A clip synced from a child node: the node and the node's own id for it (its media stays there),
-- and the sequence number of the push that last wrote it (a full re-send drops the node's rows it
-- did not write again). Local clips leave all three NULL, which a unique index allows any number of
-- times.
ALTER TABLE clip ADD COLUMN node_id VARCHAR(64);
ALTER TABLE clip ADD COLUMN node_clip_id BIGINT;
ALTER TABLE clip ADD COLUMN synced_seq BIGINT;
CREATE UNIQUE INDEX clip_node_clip ON clip (node_id, node_clip_id);

-- The latest state each descendant node reported per subject (camera health, site reachability,
-- a deeper node's link): shown, with its age, while the reporting node is out of reach.
CREATE TABLE synced_state (
    subject_id  VARCHAR(64)   NOT NULL PRIMARY KEY,
    subject     VARCHAR(8)    NOT NULL,
    node_id     VARCHAR(64)   NOT NULL,
    state       VARCHAR(16)   NOT NULL,
    since_ms    BIGINT        NOT NULL,
    reason      VARCHAR(1000),
    root_site   VARCHAR(64)
);

-- How this node reaches each child node's API for footage, as the child announced it: its
-- address, the certificate to pin (PEM, or NULL), and its token for us, sealed like device passwords.
CREATE TABLE node_access (
    node_id       VARCHAR(64)    NOT NULL PRIMARY KEY,
    url           VARCHAR(2048)  NOT NULL,
    certificate   VARCHAR(64000),
    token_sealed  VARCHAR(2000)  NOT NULL,
    announced_ms  BIGINT         NOT NULL
);

-- The audit chain heads each child node sent (its last entry's number and hash when it sent it):
-- kept, so that a trail the child rewrites later no longer matches what it said.
CREATE TABLE node_audit_head (
    node_id      VARCHAR(64)   NOT NULL,
    seq          BIGINT        NOT NULL,
    hash         CHAR(64)      NOT NULL,
    received_ms  BIGINT        NOT NULL,
    PRIMARY KEY (node_id, seq)
);
