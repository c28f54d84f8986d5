-- Arrival slices of each hour of the clip index. One-minute segments of many cameras arrive minute
-- by minute; under an index led by (hour, camera) each batch lands beside every camera's earlier
-- rows of the hour, all over the hour's part of the index, and the store rewrites each page it
-- touched. Numbering the clips of an hour in slices of a few thousand rows as they arrive, and
-- putting the slice before the camera, makes a batch land in the newest slice's few pages. A
-- camera's window is then one seek per slice of each hour it reaches.
ALTER TABLE clip ADD COLUMN slice INTEGER DEFAULT 0 NOT NULL;
DROP INDEX clip_hour_camera_start;
CREATE INDEX clip_hour_slice_camera ON clip (start_hour, slice, camera_id, start_ms, end_ms, id);

-- How many slices each hour has (numbered from 0). Raised, in its own transaction, before a
-- slice's first clip is written, so it never says fewer than the clips use.
CREATE TABLE clip_slice (
    start_hour  INTEGER  NOT NULL PRIMARY KEY,
    slices      INTEGER  NOT NULL
);

INSERT INTO clip_slice (start_hour, slices) SELECT DISTINCT start_hour, 1 FROM clip;
