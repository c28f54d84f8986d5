-- The start times each closed arrival slice of the clip index holds (its first and last clip's
-- start, epoch ms). Written when the slice after it opens; a restarted server reads them and seeks
-- only the slices a window reaches. A slice without a row (the newest, or one from before this
-- table) is sought by every query of its hour.
CREATE TABLE clip_slice_span (
    start_hour      INTEGER  NOT NULL,
    slice           INTEGER  NOT NULL,
    first_start_ms  BIGINT   NOT NULL,
    last_start_ms   BIGINT   NOT NULL,
    PRIMARY KEY (start_hour, slice)
);
