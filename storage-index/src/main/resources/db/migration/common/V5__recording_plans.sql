-- Recording plans: one per camera or site (the nearest one to a camera applies). Windows are
-- written as "MONDAY,TUESDAY@08:00-18:00" entries separated by ';'.

CREATE TABLE recording_plan (
    subject_id  VARCHAR(64)   NOT NULL PRIMARY KEY,
    mode        VARCHAR(10)   NOT NULL,
    windows     VARCHAR(4000) NOT NULL,
    CONSTRAINT recording_plan_mode_known CHECK (mode IN ('CONTINUOUS', 'SCHEDULED', 'OFF'))
);
