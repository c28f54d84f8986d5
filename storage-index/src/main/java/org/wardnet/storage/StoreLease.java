package org.wardnet.storage;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one server that writes a store: a row in {@code store_lease} naming its holder (host, process
 * id and a random part) and when the lease runs out. Acquired at start-up, renewed every third of
 * its length by a daemon thread of its own, released on {@link #close}. Another server is refused
 * while the lease runs, unless its holder was a process on the same host that no longer exists (a
 * server killed and started again takes its store back at once); on another host it waits for the
 * lease to run out. Renewals that fail (the store not answering) are retried; a renewal finding
 * another holder logs an error once, as it means two servers wrote the store.
 *
 * <p>Limits: it guards against a second server by mistake, not against a clock far off the
 * others' (expiry times are the holders' own clocks).
 */
public final class StoreLease implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreLease.class);
    private static final String NAME = "writer";
    /** How long a lease runs without renewal. */
    public static final Duration LENGTH = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final String holder;
    private final Clock clock;
    private final ScheduledExecutorService renewals;
    private volatile boolean lost;
    private volatile boolean failing;

    private StoreLease(DataSource dataSource, String holder, Clock clock) {
        this.dataSource = dataSource;
        this.holder = holder;
        this.clock = clock;
        this.renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "store-lease");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** This process's name as a holder: host, process id and a random part. */
    public static String thisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Takes the store's lease for {@code holder} and keeps it renewed.
     *
     * @throws StoreOpenException naming the holder when another server holds it
     */
    public static StoreLease acquire(DataSource dataSource, String holder, Clock clock) {
        StoreLease lease = new StoreLease(Objects.requireNonNull(dataSource), Objects.requireNonNull(holder), clock);
        try {
            lease.take(true);
        } catch (SQLException e) {
            lease.renewals.shutdownNow();
            throw new StoreOpenException("cannot take the store's lease: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            lease.renewals.shutdownNow();
            throw e;
        }
        long every = LENGTH.toMillis() / 3;
        lease.renewals.scheduleWithFixedDelay(lease::renew, every, every, TimeUnit.MILLISECONDS);
        return lease;
    }

    public String holder() {
        return holder;
    }

    private void renew() {
        try {
            take(false);
            if (failing) {
                LOG.info("store lease renewed again");
                failing = false;
            }
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                LOG.warn("cannot renew the store lease ({}); retrying", e.getMessage());
                failing = true;
            }
        }
    }

    /** Takes or renews the lease in one transaction; refuses (at start) or reports (later) another live holder. */
    private void take(boolean starting) throws SQLException {
        long now = clock.millis();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                String current = null;
                long expires = 0;
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT holder, expires_ms FROM store_lease WHERE name = ? FOR UPDATE")) {
                    select.setString(1, NAME);
                    try (ResultSet row = select.executeQuery()) {
                        if (row.next()) {
                            current = row.getString(1);
                            expires = row.getLong(2);
                        }
                    }
                }
                if (current != null && !current.equals(holder) && expires > now && !deadOnThisHost(current)) {
                    connection.rollback();
                    if (starting) {
                        throw new StoreOpenException("the store is written by another Wardnet server (" + current
                                + ", its lease runs until " + Instant.ofEpochMilli(expires) + "): one server writes a"
                                + " store; stop that one, or wait for its lease to run out if it has died", null);
                    }
                    if (!lost) {
                        LOG.error("the store lease is held by {}: two servers are writing this store", current);
                        lost = true;
                    }
                    return;
                }
                String sql = current == null ? "INSERT INTO store_lease (holder, expires_ms, name) VALUES (?, ?, ?)"
                        : "UPDATE store_lease SET holder = ?, expires_ms = ? WHERE name = ?";
                try (PreparedStatement write = connection.prepareStatement(sql)) {
                    write.setString(1, holder);
                    write.setLong(2, now + LENGTH.toMillis());
                    write.setString(3, NAME);
                    write.executeUpdate();
                }
                connection.commit();
                lost = false;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Whether {@code other} names a process of this host that has ended. */
    private boolean deadOnThisHost(String other) {
        String[] parts = other.split("/");
        String[] ours = holder.split("/");
        if (parts.length != 3 || ours.length != 3 || !parts[0].equals(ours[0])) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(parts[1])).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Stops renewing and gives the lease up (a store that does not answer lets it run out). */
    @Override
    public void close() {
        renewals.shutdownNow();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM store_lease WHERE name = ? AND holder = ?")) {
            delete.setString(1, NAME);
            delete.setString(2, holder);
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("cannot give the store lease up ({}); it runs out in {} s", e.getMessage(), LENGTH.toSeconds());
        }
    }
}
