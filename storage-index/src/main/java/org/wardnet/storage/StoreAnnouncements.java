package org.wardnet.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * Hears what a PostgreSQL database announces ({@code pg_notify}, sent at the commit of the
 * transaction that made a change, by the triggers of the migrations) on the channels its users
 * {@linkplain #listen listen} to: once {@linkplain #start started}, one thread waits on one
 * connection of its own with a {@code LISTEN} per channel and hands each payload to that
 * channel's {@code heard}. Something is heard within about {@value #WAIT_MILLIS} ms of its commit
 * plus the network's delay.
 *
 * <p>When the connection is lost, it connects again every second, and once its {@code LISTEN}s
 * are in place it calls every channel's {@code unheard} (announcements may have been missed:
 * whatever was kept from them must be read again); it also does so at the start. It does not at
 * the loss: a store that is down cannot be read again anyway.
 *
 * <p>Each announcement starts with the writing session's {@code application_name} and a line break
 * (migration V24's triggers); a server names its pool's connections {@code wardnet-<random>-<pid>}
 * ({@link #newServerName}) and drops the announcements of its own writes, which its memory holds
 * already. Announcements without the line break are handed on whole.
 *
 * <p>On H2, which has one server and announces nothing, {@link #active} is false and listening
 * and starting do nothing. Limits: while its own connection is lost but the database is up for
 * others, what others announce is heard only once it is back; it holds one of the pool's
 * connections while it runs.
 */
public final class StoreAnnouncements implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreAnnouncements.class);
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final int WAIT_MILLIS = 250;
    private static final long RETRY_MILLIS = 1_000;
    private static final String SERVER_NAME_PREFIX = "wardnet-";

    private record Channel(Consumer<String> heard, Runnable unheard) {
    }

    private final DataSource dataSource;
    private final boolean active;
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean running;
    private volatile Connection connection;
    /** This server's session name, whose own announcements are dropped; null when it has none of its own. */
    private volatile String ownName;

    private StoreAnnouncements(DataSource dataSource, boolean active) {
        this.dataSource = dataSource;
        this.active = active;
        this.thread = new Thread(this::run, "wardnet-store-announcements");
        thread.setDaemon(true);
    }

    /**
     * The announcements of the store {@code dataSource} reaches, not started yet: active on
     * PostgreSQL (asked of the driver), inactive on H2.
     *
     * @throws StoreUnavailableException when the store cannot be asked what it is
     */
    public static StoreAnnouncements of(DataSource dataSource) {
        try (Connection probe = Objects.requireNonNull(dataSource).getConnection()) {
            return new StoreAnnouncements(dataSource, "PostgreSQL".equals(probe.getMetaData().getDatabaseProductName()));
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot tell which store this is: " + e.getMessage(), e);
        }
    }

    /** A fresh name for one server's connections: {@code wardnet-<12 random hex digits>-<pid>}. */
    public static String newServerName() {
        return SERVER_NAME_PREFIX + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "-"
                + ProcessHandle.current().pid();
    }

    /** Whether this store announces anything (PostgreSQL); on H2, one server sees its own changes. */
    public boolean active() {
        return active;
    }

    /**
     * Hands what is announced on {@code channel} to {@code heard}, and calls {@code unheard} when
     * announcements may have been missed. Before {@link #start} only.
     */
    public synchronized StoreAnnouncements listen(String channel, Consumer<String> heard, Runnable unheard) {
        if (!CHANNEL_NAME.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        if (running) {
            throw new IllegalStateException("listen to " + channel + " before the announcements start");
        }
        channels.put(channel, new Channel(Objects.requireNonNull(heard), Objects.requireNonNull(unheard)));
        return this;
    }

    /** Starts hearing (on PostgreSQL, with at least one channel); returns at once. */
    public synchronized StoreAnnouncements start() {
        if (active && !channels.isEmpty() && !running) {
            running = true;
            thread.start();
        }
        return this;
    }

    private void run() {
        boolean failing = false;
        while (running) {
            try (Connection listening = dataSource.getConnection()) {
                connection = listening;
                listening.setAutoCommit(true);
                try (Statement listen = listening.createStatement()) {
                    try (java.sql.ResultSet name = listen.executeQuery("SELECT current_setting('application_name')")) {
                        String named = name.next() ? name.getString(1) : null;
                        ownName = named != null && named.startsWith(SERVER_NAME_PREFIX) ? named : null;
                    }
                    for (String channel : channels.keySet()) {
                        listen.execute("LISTEN " + channel);
                    }
                }
                channels.values().forEach(channel -> channel.unheard().run()); // announced before the LISTEN
                if (failing) {
                    LOG.info("hearing the store's announcements again");
                    failing = false;
                }
                PGConnection notifications = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] announced = notifications.getNotifications(WAIT_MILLIS);
                    if (announced != null) {
                        for (PGNotification notification : announced) {
                            Channel channel = channels.get(notification.getName());
                            String change = othersChange(notification.getParameter());
                            if (channel != null && change != null) {
                                channel.heard().accept(change);
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    LOG.warn("lost the connection that hears the store's announcements ({}); connecting again, then"
                            + " what was kept from them is read again", e.getMessage());
                    failing = true;
                }
                pause();
            } finally {
                connection = null;
            }
        }
    }

    /** The change an announcement names, without its writer's name; null when this server wrote it. */
    private String othersChange(String payload) {
        int end = payload.indexOf('\n');
        if (end < 0) {
            return payload;
        }
        return payload.substring(0, end).equals(ownName) ? null : payload.substring(end + 1);
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops hearing and gives its connection back. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
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
                LOG.debug("closing the announcements' connection: {}", e.getMessage());
            }
        }
    }
}
