-- Users, their role grants on site subtrees, and bearer tokens (stored as SHA-256 digests only).
CREATE TABLE app_user (
    name          VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(200) NOT NULL,
    must_change   BOOLEAN      NOT NULL,
    disabled      BOOLEAN      NOT NULL,
    created_ms    BIGINT       NOT NULL,
    updated_ms    BIGINT       NOT NULL
);

-- site_id '*' is the whole district.
CREATE TABLE user_grant (
    user_name VARCHAR(64) NOT NULL REFERENCES app_user (name) ON DELETE CASCADE,
    role      VARCHAR(16) NOT NULL,
    site_id   VARCHAR(64) NOT NULL,
    PRIMARY KEY (user_name, role, site_id)
);

CREATE TABLE access_token (
    id         VARCHAR(40)  NOT NULL PRIMARY KEY,
    digest     CHAR(64)     NOT NULL UNIQUE,
    user_name  VARCHAR(64)  NOT NULL REFERENCES app_user (name) ON DELETE CASCADE,
    kind       VARCHAR(8)   NOT NULL,
    label      VARCHAR(100),
    created_ms BIGINT       NOT NULL,
    expires_ms BIGINT,
    revoked_ms BIGINT
);
CREATE INDEX access_token_user ON access_token (user_name, created_ms);

-- The site a case belongs to decides who may see it; NULL is the whole district.
ALTER TABLE track_case ADD COLUMN site_id VARCHAR(64);

-- Where the caller's grant applied ("*", or site ids); part of the chained hash when present.
ALTER TABLE audit_entry ADD COLUMN scope VARCHAR(512);
