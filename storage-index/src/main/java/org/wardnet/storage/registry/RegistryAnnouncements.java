package org.wardnet.storage.registry;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.core.registry.Registry;
import org.wardnet.storage.StoreAnnouncements;

/**
 * Keeps a server's in-memory registry in step with the sites and cameras other servers on the
 * same PostgreSQL database write: the database announces each written or deleted record at its
 * commit (migration V22, channel {@value #CHANNEL}), and the record is read again into the
 * registry ({@link Registry#reloadSite}, {@link Registry#reloadCamera}). When announcements may
 * have been missed (at the start, after the listener's connection was lost) the whole registry is
 * read again.
 *
 * <p>Limits: PostgreSQL only (an H2 store has one server); one read of the store per record
 * another server announces, on the listener's thread (this server's own changes are not read
 * back: {@link StoreAnnouncements} drops them), so another server's import of 12,000 cameras costs
 * 12,000 short reads here in the seconds after it.
 */
public final class RegistryAnnouncements {

    /** The channel the database announces registry changes on. */
    public static final String CHANNEL = "wardnet_registry";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryAnnouncements.class);

    private RegistryAnnouncements() {
    }

    /** Keeps {@code registry} in step through {@code announcements} (started by their owner). */
    public static void listenOn(StoreAnnouncements announcements, Registry registry) {
        Objects.requireNonNull(registry, "registry");
        announcements.listen(CHANNEL, change -> apply(change, registry), registry::reloadAll);
    }

    private static void apply(String change, Registry registry) {
        if (change.startsWith("site:")) {
            registry.reloadSite(change.substring(5));
        } else if (change.startsWith("camera:")) {
            registry.reloadCamera(change.substring(7));
        } else {
            LOG.warn("a registry change it does not know: '{}'; reading the whole registry again", change);
            registry.reloadAll();
        }
    }
}
