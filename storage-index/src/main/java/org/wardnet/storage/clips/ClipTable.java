package org.wardnet.storage.clips;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.wardnet.core.clips.Clip;

/**
 * How rows get into and out of the {@code clip} table on one kind of store: the one place where
 * the clip index differs between H2 (rows inserted in batches, deleted by hour) and PostgreSQL
 * (a table partitioned by day, rows streamed in with {@code COPY}, whole days dropped). Queries are
 * the same on both and live in {@link JdbcClipIndex}.
 */
interface ClipTable {

    /** The clip table's way on the store {@code dataSource} reaches (asked of the driver once). */
    static ClipTable of(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return "PostgreSQL".equals(product) ? new PartitionedClipTable(dataSource) : new PlainClipTable();
        }
    }

    /**
     * Makes the table ready for clips starting in {@code hours} (e.g. creates their partitions).
     * Call before the transaction that {@linkplain #write writes} them: what it creates is
     * committed on a connection of its own.
     */
    void prepare(int[] hours) throws SQLException;

    /**
     * Writes {@code clips} in the caller's transaction, in the order {@code order} gives (positions
     * in {@code clips}), the clip at position i with id {@code ids[i]} and slice {@code slice[i]},
     * marked with {@code syncedSeq} (or null). A clip held by a node carries its node and the node's id.
     */
    void write(Connection connection, List<Clip> clips, int[] order, long[] ids, int[] slice, Long syncedSeq)
            throws SQLException;

    /** The query answering the next value of the {@code clip_id_block} sequence ({@link ClipIds}). */
    String nextIdBlockSql();

    /**
     * Hours the store removes together: retention that finds each of them deletable in a run
     * lets {@link #deleteHours} drop them at once. 1 where rows are deleted.
     */
    int hoursPerPart();

    /**
     * Deletes the local RECORDED clips without a hold that start in hours [{@code first},
     * {@code last}], each in a short transaction of its own; answers how many rows went. The caller
     * has found every such clip past retention and removed its media; clips of other origins, of
     * child nodes or under a hold stay, and a part holding any of them is not dropped whole.
     */
    long deleteHours(DataSource dataSource, int first, int last) throws SQLException;

    /**
     * The condition a camera's window puts on the {@code slice} column, with one parameter bound by
     * {@link #bindSlices}: one slice per execution ({@code slice = ?}), or all the hour's slices it
     * reaches at once ({@code slice = ANY(?)}, which PostgreSQL seeks element by element).
     */
    String sliceCondition();

    /** The slices of {@code reach} each execution of a window's query asks about. */
    List<int[]> sliceGroups(int[] reach);

    /** Binds a {@linkplain #sliceGroups group} of slices as parameter {@code index}. */
    void bindSlices(Connection connection, PreparedStatement statement, int index, int[] group) throws SQLException;

    /**
     * Prepares a query of the clip index. PostgreSQL plans it for each execution's parameters: a
     * plan made once for any parameters, and kept for the connection's life, was measured reading
     * whole partitions when it had been made before the table had statistics.
     */
    PreparedStatement query(Connection connection, String sql) throws SQLException;

    /**
     * Rows per arrival slice of an hour ({@link ClipSlices}). Smaller slices keep a batch's index
     * pages fewer; larger ones mean fewer seeks (or, with {@code slice = ANY}, fewer index pages)
     * per window and more rows read per coverage query.
     */
    int rowsPerSlice();
}
