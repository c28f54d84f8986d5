package org.wardnet.storage.access;

import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.core.errors.StoreUnavailableException;
import org.wardnet.storage.StoreAnnouncements;

/**
 * Hears, on PostgreSQL, the changes other servers on the same database make to users, grants and
 * tokens, so that this server drops what it cached of them: the database announces each change
 * at its commit (migration V18, channel {@value #CHANNEL}), heard through {@link StoreAnnouncements}.
 *
 * <p>When the connection is lost, the listener connects again, and once its {@code LISTEN} is in
 * place it says that changes may have gone unheard ({@link Changes#unheard()}, so the cache is
 * dropped whole and every token read again). It does not say so at the loss: a store that is down
 * cannot be asked for tokens, and the cached ones keep answering reads of what the server holds in
 * memory.
 *
 * <p>Limits: PostgreSQL only (an H2 store has one server, which sees its own changes); while its
 * connection is lost but the database is up for others (a cut link), a revocation made by another
 * server takes effect here only once the connection is back; it holds one of the pool's
 * connections for as long as it runs. Its own server's changes are not heard (the server drops
 * them from its cache itself); a change made by SQL in another session is.
 */
public final class AccessChangeListener implements AutoCloseable {

    /** The channel the database announces access changes on. */
    public static final String CHANNEL = "wardnet_access";
    private static final Logger LOG = LoggerFactory.getLogger(AccessChangeListener.class);

    /** What is done with what was heard. */
    public interface Changes {
        /** A user, its state or its grants changed. */
        void user(String name);

        /** A token changed (revoked, or deleted). */
        void token(String id);

        /** Changes may have gone unheard: forget everything. */
        void unheard();
    }

    private final StoreAnnouncements announcements;

    private AccessChangeListener(StoreAnnouncements announcements) {
        this.announcements = announcements;
    }

    /** Hears access changes through {@code announcements} (started by their owner). */
    public static void listenOn(StoreAnnouncements announcements, Changes changes) {
        Objects.requireNonNull(changes);
        announcements.listen(CHANNEL, change -> dispatch(change, changes), changes::unheard);
    }

    /**
     * Starts listening on a connection of its own when the store {@code dataSource} reaches is
     * PostgreSQL; on another store, where no other writer announces anything, answers null.
     *
     * @throws StoreUnavailableException when the store cannot be asked what it is
     */
    public static AccessChangeListener startOnSharedStore(DataSource dataSource, Changes changes) {
        StoreAnnouncements announcements = StoreAnnouncements.of(dataSource);
        if (!announcements.active()) {
            return null;
        }
        listenOn(announcements, changes);
        return new AccessChangeListener(announcements.start());
    }

    private static void dispatch(String change, Changes changes) {
        if (change.startsWith("user:")) {
            changes.user(change.substring(5));
        } else if (change.startsWith("token:")) {
            changes.token(change.substring(6));
        } else {
            LOG.warn("an access change it does not know: '{}'; dropping every cached token", change);
            changes.unheard();
        }
    }

    /** Stops listening and gives its connection back. */
    @Override
    public void close() {
        announcements.close();
    }
}
