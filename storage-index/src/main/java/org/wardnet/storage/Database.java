package org.wardnet.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;

/**
 * The database: a pooled connection source, migrated to the newest schema when opened.
 *
 * <p>With {@code store.jdbcUrl} empty it is an embedded H2 file under {@code store.dataDir},
 * opened with {@code WRITE_DELAY=0} so every commit reaches the file before it returns: a process
 * killed after an acknowledged write loses nothing. Only one process may open an H2 file at a time.
 */
public final class Database implements AutoCloseable {

    /**
     * The schema's migrations for the store a JDBC URL names: those both stores share, then the few
     * written per store ({@code h2/} or {@code postgresql/}).
     *
     * @throws StoreOpenException for a store Wardnet has no schema for
     */
    public static String[] migrations(String jdbcUrl) {
        String store;
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            store = "h2";
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            store = "postgresql";
        } else {
            throw new StoreOpenException("store.jdbcUrl names a store Wardnet has no schema for (H2 or PostgreSQL): "
                    + jdbcUrl.replaceAll("password=[^&;]*", "password=***"), null);
        }
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + store};
    }

    private final HikariDataSource dataSource;
    private final String description;
    /** Where this server keeps its files (the embedded store, the audit journal, recordings, exports). */
    private final Path dataDir;

    private Database(HikariDataSource dataSource, String description, Path dataDir) {
        this.dataSource = dataSource;
        this.description = description;
        this.dataDir = dataDir;
    }

    /**
     * Opens (creating if needed) and migrates the database the configuration names. Blocks.
     *
     * @throws StoreOpenException with a message for the operator when it cannot be opened
     */
    public static Database open(WardnetConfig config) {
        String url = config.get(WardnetKeys.STORE_JDBC_URL);
        HikariConfig hikari = new HikariConfig();
        String description;
        if (url.isEmpty()) {
            Path dir = Path.of(config.get(WardnetKeys.STORE_DATA_DIR)).toAbsolutePath().normalize();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new StoreOpenException("cannot create data directory " + dir + " (store.dataDir): " + e, e);
            }
            Path file = dir.resolve("wardnet");
            requireWritable(dir, file);
            hikari.setJdbcUrl("jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
            hikari.setExceptionOverrideClassName(ClosedStoreEviction.class.getName()); // reopen after a failed write
            hikari.setUsername("wardnet");
            hikari.setPassword("");
            description = "H2 " + file + ".mv.db";
        } else {
            migrations(url); // refuses, naming store.jdbcUrl, a store Wardnet has no schema for
            hikari.setJdbcUrl(url);
            hikari.setUsername(config.get(WardnetKeys.STORE_USERNAME));
            hikari.setPassword(config.get(WardnetKeys.STORE_PASSWORD));
            // names this server's connections, so it can tell its own announcements from others'
            hikari.addDataSourceProperty("ApplicationName", StoreAnnouncements.newServerName());
            description = url.replaceAll("password=[^&;]*", "password=***");
        }
        hikari.setMaximumPoolSize(config.get(WardnetKeys.STORE_MAX_POOL_SIZE));
        hikari.setMinimumIdle(1);
        hikari.setPoolName("wardnet-store");
        hikari.setConnectionTimeout(10_000);
        hikari.setAutoCommit(true);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreOpenException("cannot open the store " + description + " (" + keysOf(url) + "): "
                    + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(dataSource).locations(migrations(hikari.getJdbcUrl())).load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new StoreOpenException("cannot migrate the store " + description + " (" + keysOf(url) + "): "
                    + rootMessage(e), e);
        }
        return new Database(dataSource, description,
                Path.of(config.get(WardnetKeys.STORE_DATA_DIR)).toAbsolutePath().normalize());
    }

    /**
     * Refuses a data directory that takes no new file (a read-only mount, a full disk, no permission)
     * with one line that says so. Without this H2 finds out itself, and prints its own stack traces
     * to the console, having no trace file to write them to, before the real message.
     */
    private static void requireWritable(Path dir, Path file) {
        try {
            Files.delete(Files.createTempFile(dir, ".write-check", ".tmp"));
        } catch (IOException e) {
            throw new StoreOpenException("cannot open the store H2 " + file + ".mv.db (store.dataDir): the directory "
                    + dir + " takes no new file: " + (e.getMessage() == null ? e : e.getMessage()), e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Which database this is, for logs and readiness reports; no password. */
    public String description() {
        return description;
    }

    /**
     * Writes the store's probe row, then a file in the data directory: throws when the store does not
     * answer, or does not take a write (a full disk), within {@code timeoutSeconds}, or when the data
     * directory takes no new file. A read alone would pass while every write fails.
     */
    public void ping(int timeoutSeconds) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement probe = connection.prepareStatement(
                        "UPDATE store_probe SET probed_ms = ? WHERE id = 1")) {
            probe.setQueryTimeout(timeoutSeconds);
            probe.setLong(1, System.currentTimeMillis());
            if (probe.executeUpdate() != 1) {
                throw new SQLException("the store's probe row is missing: its migrations are incomplete");
            }
        } catch (SQLException e) {
            throw new SQLException("the store does not take a write: " + e.getMessage(), e.getSQLState(),
                    e.getErrorCode(), e);
        }
        // A filesystem remounted read-only after errors lets files already open be written: the store's
        // row above still goes in, but the next audit journal segment, recording or export would not.
        try {
            Files.delete(Files.createTempFile(Files.createDirectories(dataDir), ".ready-check", ".tmp"));
        } catch (IOException e) {
            throw new SQLException("the data directory " + dataDir + " (store.dataDir) takes no new file: "
                    + (e.getMessage() == null ? e : e.getMessage()), e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** The settings that name the store, for an operator told it cannot be opened. */
    private static String keysOf(String url) {
        return url.isEmpty() ? "store.dataDir" : "store.jdbcUrl, store.username, store.password";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
