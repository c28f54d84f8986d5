-- A server serving the API beside the store's full server (server.role api) does not probe: it
-- shows the states the full server records. Each recorded state change is announced on the
-- channel wardnet_health at its commit, as '<subject>:<to state>:<epoch ms>:<subject id>'.
-- Each announcement starts with the writing session's application_name and a line break, so a
-- server can drop its own.
CREATE FUNCTION wardnet_health_recorded() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('wardnet_health', current_setting('application_name') || E'\n' || NEW.subject || ':' || NEW.to_state || ':'
        || (EXTRACT(EPOCH FROM NEW.at) * 1000)::BIGINT || ':' || NEW.subject_id);
    RETURN NULL;
END;
$$;

CREATE TRIGGER health_event_recorded AFTER INSERT ON health_event
    FOR EACH ROW EXECUTE FUNCTION wardnet_health_recorded();
