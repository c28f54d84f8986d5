package org.wardnet.storage.copy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.wardnet.storage.Database;

/**
 * One table as {@link StoreCopy} reads and writes it: its columns, its primary key (the order of
 * the copy and the key it resumes after), and the column naming a row of the same table, if any.
 * A resume key is the key's values, each written as its length, a colon and the value.
 */
final class TableShape {

    private final String name;
    private final List<String> columns;
    private final int[] types;
    private final List<String> key;
    private final String selfReference;
    private final String referenced;

    private TableShape(String name, List<String> columns, int[] types, List<String> key, String selfReference,
            String referenced) {
        this.name = name;
        this.columns = columns;
        this.types = types;
        this.key = key;
        this.selfReference = selfReference;
        this.referenced = referenced;
    }

    /** The shape of {@code table} as {@code database} has it. */
    static TableShape of(Database database, String table) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet empty = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = empty.getMetaData();
            List<String> columns = new ArrayList<>();
            int[] types = new int[meta.getColumnCount()];
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
                types[i - 1] = meta.getColumnType(i);
            }
            DatabaseMetaData catalogue = connection.getMetaData();
            String stored = StoreCopy.stored(connection, table);
            List<String> key = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            try (ResultSet keys = catalogue.getPrimaryKeys(null, connection.getSchema(), stored)) {
                while (keys.next()) {
                    key.add(keys.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    positions.add(keys.getInt("KEY_SEQ"));
                }
            }
            List<String> ordered = new ArrayList<>(key);
            for (int i = 0; i < key.size(); i++) {
                ordered.set(positions.get(i) - 1, key.get(i));
            }
            if (ordered.isEmpty()) {
                throw new SQLException("table " + table + " has no primary key: it cannot be copied in batches");
            }
            String selfReference = null;
            String referenced = null;
            try (ResultSet refs = catalogue.getImportedKeys(null, connection.getSchema(), stored)) {
                while (refs.next()) {
                    if (refs.getString("PKTABLE_NAME").equalsIgnoreCase(table)) {
                        selfReference = refs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT);
                        referenced = refs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT);
                    }
                }
            }
            return new TableShape(table, List.copyOf(columns), types, List.copyOf(ordered), selfReference, referenced);
        }
    }

    String name() {
        return name;
    }

    boolean selfReferencing() {
        return selfReference != null;
    }

    int column(String column) {
        int at = columns.indexOf(column);
        if (at < 0) {
            throw new IllegalArgumentException(name + " has no column " + column);
        }
        return at;
    }

    /** Up to {@code limit} rows after the key {@code after} (null: from the first), in key order. */
    List<Object[]> page(Connection connection, String after, int limit) throws SQLException {
        String keyList = String.join(", ", key);
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", columns)).append(" FROM ")
                .append(name);
        if (after != null) {
            sql.append(" WHERE (").append(keyList).append(") > (").append("?, ".repeat(key.size() - 1))
                    .append("?)");
        }
        sql.append(" ORDER BY ").append(keyList);
        if (limit != Integer.MAX_VALUE) {
            sql.append(" FETCH FIRST ").append(limit).append(" ROWS ONLY");
        }
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            if (after != null) {
                List<String> values = decode(after);
                for (int i = 0; i < key.size(); i++) {
                    int type = types[column(key.get(i))];
                    if (numeric(type)) {
                        select.setLong(i + 1, Long.parseLong(values.get(i)));
                    } else {
                        select.setString(i + 1, values.get(i));
                    }
                }
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    Object[] row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = StoreCopy.textual(types[i]) ? result.getString(i + 1) : result.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** Inserts {@code rows} on {@code connection} (in its transaction), as one batch. */
    void insert(Connection connection, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
                + "?, ".repeat(columns.size() - 1) + "?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (row[i] == null) {
                        insert.setNull(i + 1, StoreCopy.textual(types[i]) ? Types.VARCHAR : types[i]);
                    } else {
                        insert.setObject(i + 1, row[i]);
                    }
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The resume key of {@code row}. */
    String keyOf(Object[] row) {
        StringBuilder encoded = new StringBuilder();
        for (String column : key) {
            String value = String.valueOf(row[column(column)]);
            encoded.append(value.length()).append(':').append(value);
        }
        return encoded.toString();
    }

    private static List<String> decode(String encoded) {
        List<String> values = new ArrayList<>();
        int at = 0;
        while (at < encoded.length()) {
            int colon = encoded.indexOf(':', at);
            int length = Integer.parseInt(encoded.substring(at, colon));
            values.add(encoded.substring(colon + 1, colon + 1 + length));
            at = colon + 1 + length;
        }
        return values;
    }

    /** {@code rows} of a self-referencing table ordered so that each comes after the row it names. */
    List<Object[]> parentsFirst(List<Object[]> rows) {
        int reference = column(selfReference);
        int identity = column(referenced);
        Set<Object> placed = new HashSet<>();
        List<Object[]> ordered = new ArrayList<>(rows.size());
        List<Object[]> waiting = new ArrayList<>(rows);
        while (!waiting.isEmpty()) {
            List<Object[]> still = new ArrayList<>();
            for (Object[] row : waiting) {
                if (row[reference] == null || placed.contains(row[reference])
                        || Objects.equals(row[reference], row[identity])) {
                    ordered.add(row);
                    placed.add(row[identity]);
                } else {
                    still.add(row);
                }
            }
            if (still.size() == waiting.size()) { // rows naming rows that are not there: let the store refuse them
                ordered.addAll(still);
                break;
            }
            waiting = still;
        }
        return ordered;
    }

    private static boolean numeric(int type) {
        return type == Types.BIGINT || type == Types.INTEGER || type == Types.SMALLINT || type == Types.TINYINT;
    }
}
