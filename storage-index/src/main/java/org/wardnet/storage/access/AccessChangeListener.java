package org.wardnet.storage.access;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.core.errors.StoreUnavailableException;

/**
 * Hears, on PostgreSQL, the changes other servers on the same database make to users, grants and
 * tokens, so that this server drops what it cached of them: the database announces each change
 * at its commit (migration V18, channel {@value #CHANNEL}), and a thread of this listener waits
 * on a connection of its own with {@code LISTEN}. A change is heard within about
 * {@value #WAIT_MILLIS} ms of its commit plus the network's delay.
 *
 * <p>When the connection is lost, the listener connects again every second, and once its
 * {@code LISTEN} is in place it says that changes may have gone unheard ({@link Changes#unheard()},
 * so the cache is dropped whole and every token read again). It does not say so at the loss: a
 * store that is down cannot be asked for tokens, and the cached ones keep answering reads of what
 * the server holds in memory.
 *
 * <p>Limits: PostgreSQL only (an H2 store has one server, which sees its own changes); while its
 * connection is lost but the database is up for others (a cut link), a revocation made by another
 * server takes effect here only once the connection is back; it holds one of the pool's
 * connections for as long as it runs; its own server's changes come back to it too (dropping an
 * entry twice is harmless).
 */
public final class AccessChangeListener implements AutoCloseable {

    /** The channel the database announces access changes on. */
    public static final String CHANNEL = "wardnet_access";
    private static final Logger LOG = LoggerFactory.getLogger(AccessChangeListener.class);
    private static final int WAIT_MILLIS = 250;
    private static final long RETRY_MILLIS = 1_000;

    /** What is done with what was heard. */
    public interface Changes {
        /** A user, its state or its grants changed. */
        void user(String name);

        /** A token changed (revoked, or deleted). */
        void token(String id);

        /** Changes may have gone unheard: forget everything. */
        void unheard();
    }

    private final DataSource dataSource;
    private final Changes changes;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    private AccessChangeListener(DataSource dataSource, Changes changes) {
        this.dataSource = dataSource;
        this.changes = changes;
        this.thread = new Thread(this::run, "wardnet-access-changes");
        thread.setDaemon(true);
    }

    /**
     * Starts listening when the store {@code dataSource} reaches is PostgreSQL (asked of the
     * driver once); on another store, where no other writer announces anything, answers null.
     *
     * @throws StoreUnavailableException when the store cannot be asked what it is
     */
    public static AccessChangeListener startOnSharedStore(DataSource dataSource, Changes changes) {
        try (Connection connection = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return null;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot tell which store holds the access tables", e);
        }
        return start(dataSource, changes);
    }

    /** Starts listening; returns at once (the first {@code LISTEN} is made on the listener's thread). */
    public static AccessChangeListener start(DataSource dataSource, Changes changes) {
        AccessChangeListener listener = new AccessChangeListener(Objects.requireNonNull(dataSource),
                Objects.requireNonNull(changes));
        listener.thread.start();
        return listener;
    }

    private void run() {
        boolean failing = false;
        while (running) {
            try (Connection listening = dataSource.getConnection()) {
                connection = listening;
                listening.setAutoCommit(true);
                try (Statement listen = listening.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                changes.unheard(); // whatever changed before the LISTEN was in place
                if (failing) {
                    LOG.info("hearing other servers' access changes again");
                    failing = false;
                }
                PGConnection notifications = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] heard = notifications.getNotifications(WAIT_MILLIS);
                    if (heard != null) {
                        for (PGNotification notification : heard) {
                            dispatch(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    LOG.warn("lost the connection that hears other servers' access changes ({}); connecting again,"
                            + " then every cached token is read again", e.getMessage());
                    failing = true;
                }
                pause();
            } finally {
                connection = null;
            }
        }
    }

    private void dispatch(String change) {
        if (change.startsWith("user:")) {
            changes.user(change.substring(5));
        } else if (change.startsWith("token:")) {
            changes.token(change.substring(6));
        } else {
            LOG.warn("an access change it does not know: '{}'; dropping every cached token", change);
            changes.unheard();
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops listening and gives its connection back. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(WAIT_MILLIS * 4L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Connection open = connection;
        if (thread.isAlive() && open != null) {
            try {
                open.close(); // still waiting on the database: closing its connection ends the wait
            } catch (SQLException e) {
                LOG.debug("closing the access listener's connection: {}", e.getMessage());
            }
        }
    }
}
