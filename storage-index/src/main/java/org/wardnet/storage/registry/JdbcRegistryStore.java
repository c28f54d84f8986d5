package org.wardnet.storage.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.wardnet.core.errors.StoreUnavailableException;
import org.wardnet.core.federation.Change;
import org.wardnet.core.federation.RecordEncoder;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.RegistryChange;
import org.wardnet.core.registry.RegistryStore;
import org.wardnet.core.registry.Site;
import org.wardnet.storage.Transactions;
import org.wardnet.storage.federation.JdbcSyncJournal;
import org.wardnet.storage.secrets.SecretBox;

/**
 * The registry in two tables, {@code site} and {@code camera}. Each {@link #apply} is one
 * transaction; consecutive changes of the same kind go to the database as one JDBC batch, so a
 * bulk import of thousands of cameras is a handful of round trips. Camera passwords are stored
 * sealed by a {@link SecretBox}; {@link #load} seals, in one transaction, any left in plaintext by
 * an older version or sealed with a key being rotated out.
 */
public final class JdbcRegistryStore implements RegistryStore {

    private final DataSource dataSource;
    private final SecretBox secrets;
    private final JdbcSyncJournal journal;
    private final RecordEncoder encoder;
    private volatile int resealed;

    public JdbcRegistryStore(DataSource dataSource, SecretBox secrets) {
        this(dataSource, secrets, null, null);
    }

    private JdbcRegistryStore(DataSource dataSource, SecretBox secrets, JdbcSyncJournal journal,
            RecordEncoder encoder) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.journal = journal;
        this.encoder = encoder;
    }

    /**
     * The same store on a child tier node: every change is also written to {@code journal}, in the
     * same transaction, as {@code encoder} renders it, to be pushed to the parent.
     */
    public JdbcRegistryStore journaled(JdbcSyncJournal journal, RecordEncoder encoder) {
        return new JdbcRegistryStore(dataSource, secrets, Objects.requireNonNull(journal, "journal"),
                Objects.requireNonNull(encoder, "encoder"));
    }

    @Override
    public Snapshot load() {
        List<Camera> toSeal = new ArrayList<>();
        Snapshot snapshot = read(toSeal);
        try {
            reseal(toSeal);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the registry: " + e.getMessage(), e);
        }
        return snapshot;
    }

    /**
     * What is committed in the tables now, read without changing anything: for a re-send to the
     * parent, which must agree with the journal's numbers rather than with the in-memory copy (which
     * a write reaches only after its commit).
     */
    public Snapshot committed() {
        return read(null);
    }

    /** @param toSeal where cameras whose secrets need sealing anew are added; null to ignore them */
    private Snapshot read(List<Camera> toSeal) {
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
                    Camera camera = RegistryRows.camera(rows, secrets);
                    cameras.add(camera);
                    if (toSeal != null
                            && (secrets.needsSealing(rows.getString(12)) || secrets.needsSealing(rows.getString(16)))) {
                        toSeal.add(camera);
                    }
                }
            }
            return new Snapshot(sites, cameras);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the registry: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Site> site(String id) {
        return one("SELECT " + RegistryRows.SITE_COLUMNS + " FROM site WHERE id = ?", id, RegistryRows::site);
    }

    @Override
    public Optional<Camera> camera(String id) {
        return one("SELECT " + RegistryRows.CAMERA_COLUMNS + " FROM camera WHERE id = ?", id,
                rows -> RegistryRows.camera(rows, secrets));
    }

    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> Optional<T> one(String sql, String id, RowReader<T> reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(reader.read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the registry: " + e.getMessage(), e);
        }
    }

    @Override
    public void apply(List<RegistryChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        try {
            if (journal == null) {
                Transactions.run(dataSource, connection -> write(connection, changes));
            } else {
                journal.run((connection, entries) -> {
                    write(connection, changes);
                    for (RegistryChange change : changes) {
                        journal(entries, change);
                    }
                });
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("registry write failed, nothing was changed: " + e.getMessage(), e);
        }
    }

    private void write(Connection connection, List<RegistryChange> changes) throws SQLException {
        int start = 0;
        while (start < changes.size()) {
            int end = start + 1;
            while (end < changes.size() && sameStatement(changes.get(start), changes.get(end))) {
                end++;
            }
            runBatch(connection, changes.subList(start, end));
            start = end;
        }
    }

    private void journal(JdbcSyncJournal.Entries entries, RegistryChange change) throws SQLException {
        if (change instanceof RegistryChange.PutSite put) {
            entries.put(Change.Kind.SITE, put.site().id(), encoder.site(put.site()));
        } else if (change instanceof RegistryChange.DeleteSite delete) {
            entries.delete(Change.Kind.SITE, delete.siteId());
        } else if (change instanceof RegistryChange.PutCamera put) {
            entries.put(Change.Kind.CAMERA, put.camera().id(), encoder.camera(put.camera()));
        } else if (change instanceof RegistryChange.DeleteCamera delete) {
            entries.delete(Change.Kind.CAMERA, delete.cameraId());
        }
    }

    /** How many cameras the last {@link #load} sealed anew. */
    public int resealed() {
        return resealed;
    }

    private void reseal(List<Camera> cameras) throws SQLException {
        resealed = cameras.size();
        if (cameras.isEmpty()) {
            return;
        }
        Transactions.run(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE camera SET onvif_password = ?, rtsp_password = ? WHERE id = ?")) {
                for (Camera camera : cameras) {
                    update.setString(1, camera.onvif() == null ? null
                            : secrets.seal(camera.onvif().credentials().password()));
                    update.setString(2, camera.rtsp() == null ? null
                            : secrets.seal(camera.rtsp().credentials().password()));
                    update.setString(3, camera.id());
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
    }

    private static boolean sameStatement(RegistryChange a, RegistryChange b) {
        return RegistryRows.sql(a).equals(RegistryRows.sql(b));
    }

    private void runBatch(Connection connection, List<RegistryChange> batch) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RegistryRows.sql(batch.get(0)))) {
            for (RegistryChange change : batch) {
                RegistryRows.bind(statement, change, secrets);
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
