-- Each camera's latest verification checklist, as the API rendered it. Deleting a camera deletes it.

CREATE TABLE camera_verification (
    camera_id    VARCHAR(64)      NOT NULL PRIMARY KEY,
    verified_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    passed       BOOLEAN          NOT NULL,
    report       VARCHAR(1000000) NOT NULL,
    CONSTRAINT camera_verification_camera FOREIGN KEY (camera_id) REFERENCES camera (id) ON DELETE CASCADE
);
