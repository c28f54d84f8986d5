package org.wardnet.storage.copy;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.wardnet.storage.Database;
import org.wardnet.storage.StoreOpenException;
import org.wardnet.storage.clips.ClipPartitions;

/**
 * Copies every table of one Wardnet store into another of the same schema version (an H2 store
 * into an empty PostgreSQL database, say): tables in the order their foreign keys need, each in
 * batches by primary key, one transaction per batch that also records how far the table has got
 * ({@code store_copy_progress} in the target). Run again after an interruption, it resumes after
 * the last committed batch. A target that already holds rows, without a copy in progress, is
 * refused unless {@code intoNonEmpty} (rows the schema puts there itself, the clip index's zero
 * bound, do not count, and are replaced). At the end, identity columns continue after the copied
 * ids, each table's row count is compared with the source's, and the progress table is emptied.
 *
 * <p>Limits: both stores must be quiet (servers stopped) while it runs; a table whose rows refer
 * to its own rows (the site tree) is copied whole in one transaction, parents first.
 */
public final class StoreCopy {

    /** Tables that belong to the store, not to its content: never copied. */
    private static final Set<String> NOT_COPIED = Set.of("flyway_schema_history", "store_copy_progress", "store_lease",
            "store_lock", "store_probe");
    /** Tables the schema's migrations fill themselves (the clip index's zero bound): replaced by the source's rows. */
    private static final Set<String> SEEDED = Set.of("clip_bound");

    /**
     * Tables whose rows each hold many records: a batch takes the batch size over this many rows
     * (an audit block holds up to 1,000 entries, some 300 KB), so a batch stays a few megabytes.
     */
    private static final Map<String, Integer> RECORDS_PER_ROW = Map.of("audit_block", 1_000);

    private final Database source;
    private final Database target;
    private final int batchRows;
    private final PrintStream progress;

    public StoreCopy(Database source, Database target, int batchRows, PrintStream progress) {
        this.source = source;
        this.target = target;
        this.batchRows = batchRows;
        this.progress = progress;
    }

    /** What a copy did: rows per table (as in both stores at the end). */
    public record Result(Map<String, Long> rows) {
    }

    /**
     * Copies; throws {@link StoreOpenException} for a target that is not empty (and not
     * {@code intoNonEmpty}) or whose counts differ from the source's at the end.
     */
    public Result run(boolean intoNonEmpty) throws SQLException {
        ensureProgressTable();
        List<String> tables = tablesInOrder();
        Set<String> started = progressOf();
        if (started.isEmpty() && !intoNonEmpty) {
            for (String table : tables) {
                if (!SEEDED.contains(table) && count(target, table) > 0) {
                    throw new StoreOpenException("the target store already holds rows (" + table + "); copy into an"
                            + " empty database, or say --into-non-empty to add to it", null);
                }
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : tables) {
            copy(table, started.contains(table));
            long inSource = count(source, table);
            long inTarget = count(target, table);
            if (inSource != inTarget && !intoNonEmpty) {
                throw new StoreOpenException(table + ": " + inSource + " rows in the source, " + inTarget
                        + " in the target after the copy", null);
            }
            rows.put(table, inTarget);
            progress.printf("  %-22s %,12d rows%n", table, inTarget);
        }
        continueIdentities(tables);
        try (Connection connection = target.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM store_copy_progress");
        }
        return new Result(rows);
    }

    private void ensureProgressTable() throws SQLException {
        try (Connection connection = target.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS store_copy_progress (table_name VARCHAR(128) NOT NULL"
                    + " PRIMARY KEY, after_key VARCHAR(4000), done BOOLEAN NOT NULL)");
        }
    }

    /** The tables a copy in progress has started. */
    private Set<String> progressOf() throws SQLException {
        Set<String> started = new HashSet<>();
        try (Connection connection = target.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT table_name FROM store_copy_progress")) {
            while (rows.next()) {
                started.add(rows.getString(1));
            }
        }
        return started;
    }

    /** The target's tables (as the source must have them too), each after those its foreign keys name. */
    private List<String> tablesInOrder() throws SQLException {
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        try (Connection connection = target.dataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet tables = meta.getTables(null, schemaOf(connection), "%", new String[] {"TABLE",
                    "PARTITIONED TABLE"})) {
                while (tables.next()) {
                    String name = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!NOT_COPIED.contains(name) && !name.matches("clip_dm?\\d+")) { // partitions go with clip
                        needs.put(name, new LinkedHashSet<>());
                    }
                }
            }
            for (Map.Entry<String, Set<String>> table : needs.entrySet()) {
                try (ResultSet keys = meta.getImportedKeys(null, schemaOf(connection), stored(connection,
                        table.getKey()))) {
                    while (keys.next()) {
                        String parent = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                        if (!parent.equals(table.getKey())) {
                            table.getValue().add(parent);
                        }
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < needs.size()) {
            boolean moved = false;
            for (Map.Entry<String, Set<String>> table : needs.entrySet()) {
                if (!ordered.contains(table.getKey()) && ordered.containsAll(table.getValue())) {
                    ordered.add(table.getKey());
                    moved = true;
                }
            }
            if (!moved) {
                throw new IllegalStateException("foreign keys form a cycle among " + needs.keySet());
            }
        }
        return ordered;
    }

    private void copy(String table, boolean resuming) throws SQLException {
        TableShape shape = TableShape.of(source, table);
        if (shape.selfReferencing()) {
            if (!resuming || !done(table)) {
                copyWhole(shape);
            }
            return;
        }
        String after = resuming ? afterKey(table) : null;
        if (resuming && done(table)) {
            return;
        }
        if (resuming) {
            progress.println("  resuming " + table + " after the batch that ended at key " + after);
        }
        ClipPartitions partitions = table.equals("clip") ? new ClipPartitions(target.dataSource()) : null;
        boolean clearFirst = SEEDED.contains(table) && after == null;
        int rowsPerBatch = Math.max(1, batchRows / RECORDS_PER_ROW.getOrDefault(table, 1));
        try (Connection from = source.dataSource().getConnection()) {
            while (true) {
                List<Object[]> batch = shape.page(from, after, rowsPerBatch);
                if (partitions != null) {
                    partitions.prepare(batch.stream().mapToInt(row -> ((Number) row[shape.column("start_hour")])
                            .intValue()).distinct().toArray());
                }
                boolean last = batch.size() < rowsPerBatch;
                String next = batch.isEmpty() ? after : shape.keyOf(batch.get(batch.size() - 1));
                write(shape, batch, next, last, clearFirst);
                clearFirst = false;
                after = next;
                if (last) {
                    return;
                }
            }
        }
    }

    /** Inserts one batch and records how far the table has got, in one transaction of the target. */
    private void write(TableShape shape, List<Object[]> batch, String after, boolean done, boolean clearFirst)
            throws SQLException {
        try (Connection to = target.dataSource().getConnection()) {
            to.setAutoCommit(false);
            try {
                if (clearFirst) {
                    try (Statement clear = to.createStatement()) {
                        clear.execute("DELETE FROM " + shape.name());
                    }
                }
                shape.insert(to, batch);
                try (PreparedStatement delete = to.prepareStatement(
                        "DELETE FROM store_copy_progress WHERE table_name = ?");
                        PreparedStatement insert = to.prepareStatement(
                                "INSERT INTO store_copy_progress (table_name, after_key, done) VALUES (?, ?, ?)")) {
                    delete.setString(1, shape.name());
                    delete.executeUpdate();
                    insert.setString(1, shape.name());
                    insert.setString(2, after);
                    insert.setBoolean(3, done);
                    insert.executeUpdate();
                }
                to.commit();
            } catch (SQLException | RuntimeException e) {
                to.rollback();
                throw e;
            } finally {
                to.setAutoCommit(true);
            }
        }
    }

    /** A table whose rows refer to each other: every row at once, each after the row it names. */
    private void copyWhole(TableShape shape) throws SQLException {
        List<Object[]> rows;
        try (Connection from = source.dataSource().getConnection()) {
            rows = shape.page(from, null, Integer.MAX_VALUE);
        }
        write(shape, shape.parentsFirst(rows), null, true, false);
    }

    private boolean done(String table) throws SQLException {
        try (Connection connection = target.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT done FROM store_copy_progress WHERE table_name = ?")) {
            select.setString(1, table);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private String afterKey(String table) throws SQLException {
        try (Connection connection = target.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT after_key FROM store_copy_progress WHERE table_name = ?")) {
            select.setString(1, table);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /**
     * Identity columns of the target continue after the largest copied value (PostgreSQL keeps a
     * sequence apart), and the clip index's next id block lies above every copied clip id.
     */
    private void continueIdentities(List<String> tables) throws SQLException {
        try (Connection connection = target.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            String firstFreeBlock = "(SELECT (COALESCE(MAX(id), 0) + 65535) / 65536 + 1 FROM clip)";
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                // H2 continues an identity after explicitly inserted values by itself; not a sequence
                statement.execute("ALTER SEQUENCE clip_id_block RESTART WITH " + firstFreeBlock);
                return;
            }
            statement.execute("SELECT setval('clip_id_block', " + firstFreeBlock + ", false)");
            List<String[]> identities = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name, column_name FROM"
                    + " information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'")) {
                while (rows.next()) {
                    identities.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            for (String[] identity : identities) {
                if (tables.contains(identity[0])) {
                    statement.execute("SELECT setval(pg_get_serial_sequence('" + identity[0] + "', '" + identity[1]
                            + "'), GREATEST(COALESCE((SELECT MAX(" + identity[1] + ") FROM " + identity[0]
                            + "), 0), 1))");
                }
            }
        }
    }

    static long count(Database database, String table) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    static String schemaOf(Connection connection) throws SQLException {
        return connection.getSchema();
    }

    /** The table's name as the store's catalogue spells it (H2 in capitals, PostgreSQL in lower case). */
    static String stored(Connection connection, String table) throws SQLException {
        return connection.getMetaData().storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }

    /** A JDBC type read as the value to write back: character large objects as strings. */
    static boolean textual(int type) {
        return type == Types.CLOB || type == Types.NCLOB || type == Types.LONGVARCHAR;
    }
}
