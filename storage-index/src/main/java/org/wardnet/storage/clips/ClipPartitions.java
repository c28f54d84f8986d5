package org.wardnet.storage.clips;

import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Makes the clip table of a store ready for rows of given start hours (on PostgreSQL, their days'
 * partitions), for tools that write clip rows without the index: copying a store.
 */
public final class ClipPartitions {

    private final ClipTable table;

    public ClipPartitions(DataSource dataSource) throws SQLException {
        this.table = ClipTable.of(dataSource);
    }

    /** Creates what rows starting in {@code hours} need, committed at once. */
    public void prepare(int[] hours) throws SQLException {
        table.prepare(hours);
    }
}
