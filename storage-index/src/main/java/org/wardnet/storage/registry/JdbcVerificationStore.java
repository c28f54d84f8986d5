package org.wardnet.storage.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.wardnet.core.errors.StoreUnavailableException;
import org.wardnet.core.federation.Change;
import org.wardnet.core.federation.RecordEncoder;
import org.wardnet.core.install.VerificationStore;
import org.wardnet.storage.Transactions;
import org.wardnet.storage.federation.JdbcSyncJournal;

/**
 * Verifications in the {@code camera_verification} table, one row per camera. A save replaces the
 * row in one transaction (delete then insert: portable across H2 and PostgreSQL, unlike MERGE or
 * ON CONFLICT). A camera deleted meanwhile makes the save a no-op (the foreign key refuses it). On a
 * child tier node the store is {@linkplain #journaled journaled}: each save is a sync journal entry too.
 */
public final class JdbcVerificationStore implements VerificationStore {

    private final DataSource dataSource;
    private final JdbcSyncJournal journal;
    private final RecordEncoder encoder;

    public JdbcVerificationStore(DataSource dataSource) {
        this(dataSource, null, null);
    }

    private JdbcVerificationStore(DataSource dataSource, JdbcSyncJournal journal, RecordEncoder encoder) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.journal = journal;
        this.encoder = encoder;
    }

    /** The same store on a child tier node: every verification saved is journaled too, in the same transaction. */
    public JdbcVerificationStore journaled(JdbcSyncJournal journal, RecordEncoder encoder) {
        return new JdbcVerificationStore(dataSource, Objects.requireNonNull(journal), Objects.requireNonNull(encoder));
    }

    @Override
    public void save(String cameraId, Instant verifiedAt, boolean passed, String reportJson) {
        try {
            if (journal != null) {
                journal.run((connection, entries) -> {
                    write(connection, cameraId, verifiedAt, passed, reportJson);
                    entries.put(Change.Kind.VERIFICATION, cameraId, encoder.verification(verifiedAt, passed,
                            reportJson));
                });
                return;
            }
            Transactions.run(dataSource, connection -> write(connection, cameraId, verifiedAt, passed, reportJson));
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return; // the camera was deleted while it was being verified
            }
            throw new StoreUnavailableException("cannot store the verification of " + cameraId + ": " + e.getMessage(), e);
        }
    }

    private static void write(Connection connection, String cameraId, Instant verifiedAt, boolean passed,
            String reportJson) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM camera_verification WHERE camera_id = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO camera_verification (camera_id, verified_at, passed, report) VALUES (?, ?, ?, ?)")) {
            delete.setString(1, cameraId);
            delete.executeUpdate();
            insert.setString(1, cameraId);
            insert.setObject(2, verifiedAt.atOffset(ZoneOffset.UTC));
            insert.setBoolean(3, passed);
            insert.setString(4, reportJson);
            insert.executeUpdate();
        }
    }

    @Override
    public Optional<String> load(String cameraId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT report FROM camera_verification WHERE camera_id = ?")) {
            select.setString(1, cameraId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the verification of " + cameraId + ": " + e.getMessage(), e);
        }
    }
}
