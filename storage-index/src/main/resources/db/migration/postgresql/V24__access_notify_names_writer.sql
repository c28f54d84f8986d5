-- The access announcements of V18 start, like those of V21-V23, with the writing session's
-- application_name and a line break, so a server can drop the announcements of its own changes.
CREATE OR REPLACE FUNCTION wardnet_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed RECORD;
    writer TEXT := current_setting('application_name') || E'\n';
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := OLD;
    ELSE
        changed := NEW;
    END IF;
    IF TG_TABLE_NAME = 'access_token' THEN
        PERFORM pg_notify('wardnet_access', writer || 'token:' || changed.id);
    ELSIF TG_TABLE_NAME = 'user_grant' THEN
        PERFORM pg_notify('wardnet_access', writer || 'user:' || changed.user_name);
    ELSE
        PERFORM pg_notify('wardnet_access', writer || 'user:' || changed.name);
    END IF;
    RETURN NULL;
END;
$$;
