-- Cameras with a view of their own, fitted to the confirmed hops that reached them (written whole
-- with track_view, in one transaction); every other camera sees as track_view says. A null heading
-- is a camera taken to see all round.
CREATE TABLE track_camera_view (
    camera_id      VARCHAR(64)      NOT NULL PRIMARY KEY,
    reach_m        DOUBLE PRECISION NOT NULL,
    half_angle_deg DOUBLE PRECISION NOT NULL,
    close_m        DOUBLE PRECISION NOT NULL,
    heading_deg    DOUBLE PRECISION,
    hops           INTEGER          NOT NULL,
    gain           DOUBLE PRECISION NOT NULL
);
