-- Several servers on one database each keep, for the clip index, how many arrival slices the
-- hours they query have and the longest clip's duration. What changes them is announced on the
-- channel wardnet_clips at its commit: 'hour:<start hour>' when a server opens a slice (before any
-- clip is written into it, so the others read the hour again before they could miss its clips),
-- 'longest:<ms>' when a batch raises the longest duration (at the commit of that batch).
-- Each announcement starts with the writing session's application_name and a line break, so a
-- server can drop its own.
CREATE FUNCTION wardnet_clip_index_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'clip_slice' THEN
        PERFORM pg_notify('wardnet_clips', current_setting('application_name') || E'\n' || 'hour:' || NEW.start_hour);
    ELSIF NEW.name = 'longest_ms' THEN
        PERFORM pg_notify('wardnet_clips', current_setting('application_name') || E'\n' || 'longest:' || NEW.bound);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER clip_slice_opened AFTER INSERT OR UPDATE ON clip_slice
    FOR EACH ROW EXECUTE FUNCTION wardnet_clip_index_changed();
CREATE TRIGGER clip_bound_raised AFTER UPDATE ON clip_bound
    FOR EACH ROW EXECUTE FUNCTION wardnet_clip_index_changed();
