package org.wardnet.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.RegistryChange;
import org.wardnet.core.registry.RegistryStore;
import org.wardnet.core.registry.Site;
import org.wardnet.core.registry.StoreUnavailableException;

/**
 * The registry in two tables, {@code site} and {@code camera}. Each {@link #apply} is one
 * transaction; consecutive changes of the same kind go to the database as one JDBC batch, so a
 * bulk import of thousands of cameras is a handful of round trips.
 */
public final class JdbcRegistryStore implements RegistryStore {

    private final DataSource dataSource;

    public JdbcRegistryStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Snapshot load() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<Site> sites = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT " + RegistryRows.SITE_COLUMNS + " FROM site")) {
                while (rows.next()) {
                    sites.add(RegistryRows.site(rows));
                }
            }
            List<Camera> cameras = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT " + RegistryRows.CAMERA_COLUMNS + " FROM camera")) {
                while (rows.next()) {
                    cameras.add(RegistryRows.camera(rows));
                }
            }
            return new Snapshot(sites, cameras);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the registry: " + e.getMessage(), e);
        }
    }

    @Override
    public void apply(List<RegistryChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int start = 0;
                while (start < changes.size()) {
                    int end = start + 1;
                    while (end < changes.size() && sameStatement(changes.get(start), changes.get(end))) {
                        end++;
                    }
                    runBatch(connection, changes.subList(start, end));
                    start = end;
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("registry write failed, nothing was changed: " + e.getMessage(), e);
        }
    }

    private static boolean sameStatement(RegistryChange a, RegistryChange b) {
        return RegistryRows.sql(a).equals(RegistryRows.sql(b));
    }

    private static void runBatch(Connection connection, List<RegistryChange> batch) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RegistryRows.sql(batch.get(0)))) {
            for (RegistryChange change : batch) {
                RegistryRows.bind(statement, change);
                statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    throw new SQLException("no row matched " + batch.get(i) + "; the store and memory disagree");
                }
            }
        }
    }
}
