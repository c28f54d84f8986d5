-- Several servers on one database each cache the tokens they have checked. A change to a user, its
-- grants or a token is announced on the channel wardnet_access ('user:<name>' or 'token:<id>'),
-- sent by PostgreSQL at the commit of the transaction that made it, so that every other server
-- drops what it cached. A new user or token needs no announcement: nothing cached it yet.
CREATE FUNCTION wardnet_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed RECORD;
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := OLD;
    ELSE
        changed := NEW;
    END IF;
    IF TG_TABLE_NAME = 'access_token' THEN
        PERFORM pg_notify('wardnet_access', 'token:' || changed.id);
    ELSIF TG_TABLE_NAME = 'user_grant' THEN
        PERFORM pg_notify('wardnet_access', 'user:' || changed.user_name);
    ELSE
        PERFORM pg_notify('wardnet_access', 'user:' || changed.name);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER app_user_changed AFTER UPDATE OR DELETE ON app_user
    FOR EACH ROW EXECUTE FUNCTION wardnet_access_changed();
CREATE TRIGGER user_grant_changed AFTER INSERT OR UPDATE OR DELETE ON user_grant
    FOR EACH ROW EXECUTE FUNCTION wardnet_access_changed();
CREATE TRIGGER access_token_changed AFTER UPDATE OR DELETE ON access_token
    FOR EACH ROW EXECUTE FUNCTION wardnet_access_changed();
