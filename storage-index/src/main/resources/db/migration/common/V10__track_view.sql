-- The camera view fitted to confirmed routes (one row): how far and how wide the district's cameras
-- are taken to see. Without a row the planner uses its default view.
CREATE TABLE track_view (
    id             INTEGER          NOT NULL PRIMARY KEY,
    reach_m        DOUBLE PRECISION NOT NULL,
    half_angle_deg DOUBLE PRECISION NOT NULL,
    close_m        DOUBLE PRECISION NOT NULL,
    hops           INTEGER          NOT NULL,
    log_likelihood DOUBLE PRECISION NOT NULL,
    fitted_ms      BIGINT           NOT NULL,
    CONSTRAINT track_view_one_row CHECK (id = 1)
);
