package org.wardnet.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.core.errors.StoreUnavailableException;

/**
 * Hears what a PostgreSQL database announces on one channel ({@code pg_notify}, sent at the commit
 * of the transaction that made the change, by the triggers of the migrations): a thread waits on a
 * connection of its own with {@code LISTEN} and hands each payload to {@code heard}. Something is
 * heard within about {@value #WAIT_MILLIS} ms of its commit plus the network's delay.
 *
 * <p>When the connection is lost, it connects again every second, and once its {@code LISTEN} is
 * in place it calls {@code unheard} (announcements may have been missed: whatever was kept from
 * them must be read again). It also calls it once at the start, when the first {@code LISTEN} is
 * in place. It does not call it at the loss: a store that is down cannot be read again anyway.
 *
 * <p>Limits: PostgreSQL only; while its own connection is lost but the database is up for others,
 * what others announce is heard only once it is back; it holds one of the pool's connections for
 * as long as it runs; this server's own changes are announced to it too.
 */
public final class StoreAnnouncements implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreAnnouncements.class);
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final int WAIT_MILLIS = 250;
    private static final long RETRY_MILLIS = 1_000;

    private final DataSource dataSource;
    private final String channel;
    private final Consumer<String> heard;
    private final Runnable unheard;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    private StoreAnnouncements(DataSource dataSource, String channel, Consumer<String> heard, Runnable unheard) {
        if (!CHANNEL_NAME.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        this.dataSource = Objects.requireNonNull(dataSource);
        this.channel = channel;
        this.heard = Objects.requireNonNull(heard);
        this.unheard = Objects.requireNonNull(unheard);
        this.thread = new Thread(this::run, "wardnet-hears-" + channel);
        thread.setDaemon(true);
    }

    /** Whether {@code dataSource} reaches PostgreSQL, the one store that announces (asked of the driver). */
    public static boolean announces(DataSource dataSource) {
        try (Connection probe = dataSource.getConnection()) {
            return "PostgreSQL".equals(probe.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot tell which store this is: " + e.getMessage(), e);
        }
    }

    /** Starts listening on {@code channel}; returns at once (the first {@code LISTEN} is made on its thread). */
    public static StoreAnnouncements start(DataSource dataSource, String channel, Consumer<String> heard,
            Runnable unheard) {
        StoreAnnouncements listener = new StoreAnnouncements(dataSource, channel, heard, unheard);
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
                    listen.execute("LISTEN " + channel);
                }
                unheard.run(); // whatever was announced before the LISTEN was in place
                if (failing) {
                    LOG.info("hearing the store's announcements on {} again", channel);
                    failing = false;
                }
                PGConnection notifications = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] announced = notifications.getNotifications(WAIT_MILLIS);
                    if (announced != null) {
                        for (PGNotification notification : announced) {
                            heard.accept(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    LOG.warn("lost the connection that hears the store's announcements on {} ({}); connecting again,"
                            + " then what was kept from them is read again", channel, e.getMessage());
                    failing = true;
                }
                pause();
            } finally {
                connection = null;
            }
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
                LOG.debug("closing the listener's connection on {}: {}", channel, e.getMessage());
            }
        }
    }
}
