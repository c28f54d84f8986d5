package org.wardnet.storage.federation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.wardnet.core.errors.StoreUnavailableException;
import org.wardnet.core.federation.Change;
import org.wardnet.core.federation.JournalSequence;
import org.wardnet.core.federation.SyncJournal;
import org.wardnet.storage.Transactions;

/**
 * The sync journal in table {@code sync_journal}. Stores whose changes go upward write them through
 * {@link #run}: the work and its journal entries share one transaction, so they commit or vanish
 * together, and each entry's number stays open (holding back the watermark) until that transaction
 * has ended. Readers see entries up to the watermark only, so the parent receives changes in the
 * order they committed, without gaps that fill in later.
 *
 * <p>Limits: one writing process per database (the sequence lives in memory, resumed from the
 * table's highest number at open).
 */
public final class JdbcSyncJournal implements SyncJournal {

    /** Work that writes records and the journal entries for them, in one transaction. */
    public interface JournaledWork {
        void run(Connection connection, Entries entries) throws SQLException;
    }

    /** An entry's JSON, made once its number is known. */
    public interface Payload {
        String of(long seq) throws SQLException;
    }

    /**
     * Where a transaction's work adds its journal entries. They are sent to the store as one batch
     * when the work ends (before the commit): a clip batch of a thousand rows costs one round of
     * inserts, not a thousand.
     */
    public final class Entries {
        private final Connection connection;
        private final List<Long> taken;
        private PreparedStatement insert;

        private Entries(Connection connection, List<Long> taken) {
            this.connection = connection;
            this.taken = taken;
        }

        /** A record put: its JSON as the parent will apply it. Answers the entry's number. */
        public long put(Change.Kind kind, String key, String json) throws SQLException {
            return add(kind, Change.Op.PUT, key, seq -> json);
        }

        /**
         * A record put whose JSON is made once the entry's number is taken, so that making it may
         * wait for the numbers below (see {@link #awaitDoneBelow}). Answers the entry's number.
         */
        public long put(Change.Kind kind, String key, Payload json) throws SQLException {
            return add(kind, Change.Op.PUT, key, json);
        }

        /** A record deleted. */
        public void delete(Change.Kind kind, String key) throws SQLException {
            add(kind, Change.Op.DELETE, key, seq -> null);
        }

        private long add(Change.Kind kind, Change.Op op, String key, Payload payload) throws SQLException {
            long seq = sequence.allocate();
            taken.add(seq);
            String json = payload.of(seq);
            Change change = new Change(seq, kind, op, key, json, clock.instant()); // checks the fields
            if (insert == null) {
                insert = connection.prepareStatement("INSERT INTO sync_journal"
                        + " (seq, kind, op, record_key, payload, at_ms) VALUES (?, ?, ?, ?, ?, ?)");
            }
            insert.setLong(1, change.seq());
            insert.setString(2, kind.name());
            insert.setString(3, op.name());
            insert.setString(4, key);
            insert.setString(5, json);
            insert.setLong(6, change.at().toEpochMilli());
            insert.addBatch();
            return seq;
        }

        private void flush() throws SQLException {
            if (insert != null) {
                try (PreparedStatement batch = insert) {
                    batch.executeBatch();
                }
            }
        }
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final JournalSequence sequence;
    private final long highestAtOpen;

    public JdbcSyncJournal(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.highestAtOpen = highest(dataSource);
        this.sequence = new JournalSequence(highestAtOpen);
    }

    @Override
    public long highestAtOpen() {
        return highestAtOpen;
    }

    /** Runs {@code work} in one transaction with its journal entries; its numbers are done when it ends. */
    public void run(JournaledWork work) throws SQLException {
        List<Long> taken = new ArrayList<>();
        try {
            Transactions.run(dataSource, connection -> {
                Entries entries = new Entries(connection, taken);
                work.run(connection, entries);
                entries.flush();
            });
        } finally {
            taken.forEach(sequence::done);
        }
    }

    @Override
    public List<Change> after(long afterSeq, int limit) {
        long upTo = sequence.watermark();
        List<Change> changes = new ArrayList<>();
        if (upTo <= afterSeq) {
            return changes;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT seq, kind, op, record_key, payload, at_ms"
                     + " FROM sync_journal WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?")) {
            select.setLong(1, afterSeq);
            select.setLong(2, upTo);
            select.setInt(3, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    changes.add(new Change(rows.getLong(1), Change.Kind.valueOf(rows.getString(2)),
                            Change.Op.valueOf(rows.getString(3)), rows.getString(4), rows.getString(5),
                            Instant.ofEpochMilli(rows.getLong(6))));
                }
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the sync journal", e);
        }
        return changes;
    }

    @Override
    public long watermark() {
        return sequence.watermark();
    }

    @Override
    public long oldest() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT MIN(seq) FROM sync_journal");
             ResultSet row = select.executeQuery()) {
            row.next();
            long oldest = row.getLong(1);
            return row.wasNull() ? sequence.watermark() + 1 : oldest;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the sync journal", e);
        }
    }

    /** Numbers from now on come after {@code seq}: see {@link JournalSequence#skipPast}. */
    public void skipPast(long seq) {
        sequence.skipPast(seq);
    }

    /** See {@link JournalSequence#awaitDoneBelow}. */
    public boolean awaitDoneBelow(long seq, long timeoutMillis) throws InterruptedException {
        return sequence.awaitDoneBelow(seq, timeoutMillis);
    }

    /** Keeps the newest entry whatever is acknowledged: numbering resumes after it when the node restarts. */
    @Override
    public int prune(long upToSeq) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM sync_journal WHERE seq <= ?"
                     + " AND seq < (SELECT MAX(seq) FROM sync_journal)")) {
            delete.setLong(1, Math.min(upToSeq, sequence.watermark()));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot prune the sync journal", e);
        }
    }

    private static long highest(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM sync_journal");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot open the sync journal", e);
        }
    }
}
