-- The tiered registry: sites (CENTER > SUBSTATION > ROOM) and the cameras that belong to them.
-- Portable SQL: the same file runs on H2 (embedded) and PostgreSQL (production).

CREATE TABLE site (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    tier        VARCHAR(16)  NOT NULL,
    parent_id   VARCHAR(64)  REFERENCES site (id),
    kind        VARCHAR(32),
    address     VARCHAR(500),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT site_tier_known CHECK (tier IN ('CENTER', 'SUBSTATION', 'ROOM')),
    CONSTRAINT site_root_is_center CHECK ((tier = 'CENTER') = (parent_id IS NULL)),
    CONSTRAINT site_kind_for_rooms CHECK ((tier = 'ROOM') = (kind IS NOT NULL))
);

CREATE INDEX site_parent ON site (parent_id);

CREATE TABLE camera (
    id              VARCHAR(64)      NOT NULL PRIMARY KEY,
    site_id         VARCHAR(64)      NOT NULL REFERENCES site (id),
    name            VARCHAR(200)     NOT NULL,
    lat             DOUBLE PRECISION NOT NULL,
    lon             DOUBLE PRECISION NOT NULL,
    heading         DOUBLE PRECISION,
    mounting        VARCHAR(500),
    vendor          VARCHAR(100),
    model           VARCHAR(100),
    onvif_url       VARCHAR(2048),
    onvif_username  VARCHAR(128),
    -- Wide enough for the encrypted form that replaces the plain text later.
    onvif_password  VARCHAR(1024),
    rtsp_url        VARCHAR(2048),
    rtsp_sub_url    VARCHAR(2048),
    rtsp_username   VARCHAR(128),
    rtsp_password   VARCHAR(1024),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT camera_lat_range CHECK (lat BETWEEN -90 AND 90),
    CONSTRAINT camera_lon_range CHECK (lon BETWEEN -180 AND 180),
    CONSTRAINT camera_has_endpoint CHECK (onvif_url IS NOT NULL OR rtsp_url IS NOT NULL)
);

CREATE INDEX camera_site ON camera (site_id);
