-- On PostgreSQL the clip index is partitioned by time: one partition per day of start hours
-- (clip_d<day since the epoch>, hours [day * 24, day * 24 + 24)). Partitions are created ahead of
-- the clips they take by the server (the day a batch needs and the next), and retention drops a
-- day whole instead of deleting its rows one by one. A unique key on a partitioned table must hold
-- the partition key, so the primary key is (id, start_hour); ids stay unique because one server
-- assigns them. The node's id of a synced clip is found through a partial index (local clips,
-- most rows, never enter it); that a node's clip is held once is kept by the sync code, which
-- looks a clip up before it inserts it.

ALTER TABLE clip RENAME TO clip_unpartitioned;
ALTER INDEX clip_hour_slice_camera RENAME TO clip_unpartitioned_hour_slice_camera;
ALTER INDEX clip_node_clip RENAME TO clip_unpartitioned_node_clip;

CREATE TABLE clip (
    id            BIGINT        NOT NULL,
    start_hour    INTEGER       NOT NULL,
    camera_id     VARCHAR(64)   NOT NULL,
    start_ms      BIGINT        NOT NULL,
    end_ms        BIGINT        NOT NULL,
    media         VARCHAR(2048) NOT NULL,
    bytes         BIGINT,
    codec         VARCHAR(16),
    width         INTEGER,
    height        INTEGER,
    key_frames    INTEGER,
    sha256        CHAR(64),
    origin        VARCHAR(10)   NOT NULL,
    slice         INTEGER       DEFAULT 0 NOT NULL,
    node_id       VARCHAR(64),
    node_clip_id  BIGINT,
    synced_seq    BIGINT,
    CONSTRAINT clip_partitioned_ends_after_start CHECK (end_ms > start_ms),
    CONSTRAINT clip_partitioned_origin_known CHECK (origin IN ('RECORDED', 'IMPORTED', 'INGESTED')),
    PRIMARY KEY (id, start_hour)
) PARTITION BY RANGE (start_hour);

CREATE INDEX clip_hour_slice_camera ON clip (start_hour, slice, camera_id, start_ms, end_ms, id);
CREATE INDEX clip_node_clip ON clip (node_id, node_clip_id) WHERE node_id IS NOT NULL;

-- The days the stored clips start in get their partitions, then the rows move across.
DO $$
DECLARE
    day INTEGER;
BEGIN
    FOR day IN SELECT DISTINCT floor(start_hour / 24.0)::INTEGER FROM clip_unpartitioned LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF clip FOR VALUES FROM (%s) TO (%s)',
                CASE WHEN day < 0 THEN 'clip_dm' || (-day) ELSE 'clip_d' || day END, day * 24, day * 24 + 24);
    END LOOP;
END
$$;

INSERT INTO clip (id, start_hour, camera_id, start_ms, end_ms, media, bytes, codec, width, height, key_frames,
        sha256, origin, slice, node_id, node_clip_id, synced_seq)
    SELECT id, start_hour, camera_id, start_ms, end_ms, media, bytes, codec, width, height, key_frames,
        sha256, origin, slice, node_id, node_clip_id, synced_seq
    FROM clip_unpartitioned;

DROP TABLE clip_unpartitioned;
