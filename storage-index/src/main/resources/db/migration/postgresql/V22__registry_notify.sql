-- Several servers on one database each hold the registry in memory. A site or camera written or
-- deleted is announced on the channel wardnet_registry ('site:<id>' or 'camera:<id>') at the
-- commit of the transaction that made the change, so that every other server reads that record
-- again. (In a row trigger, NEW is null for a delete and OLD for an insert.)
-- Each announcement starts with the writing session's application_name and a line break, so a
-- server can drop its own.
CREATE FUNCTION wardnet_registry_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('wardnet_registry', current_setting('application_name') || E'\n' || TG_TABLE_NAME || ':' || COALESCE(NEW.id, OLD.id));
    RETURN NULL;
END;
$$;

CREATE TRIGGER site_changed AFTER INSERT OR UPDATE OR DELETE ON site
    FOR EACH ROW EXECUTE FUNCTION wardnet_registry_changed();
CREATE TRIGGER camera_changed AFTER INSERT OR UPDATE OR DELETE ON camera
    FOR EACH ROW EXECUTE FUNCTION wardnet_registry_changed();
