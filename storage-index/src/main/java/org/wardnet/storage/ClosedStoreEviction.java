package org.wardnet.storage;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells the connection pool to drop a connection to an embedded H2 store that has closed itself
 * (it does so when a write fails, a full disk say): its connections would otherwise stay in the
 * pool and fail every request for good, while a new connection opens the file again, at its last
 * commit, once the disk takes writes. H2's "database is closed" error (90098) is not one of the
 * SQL states the pool itself treats as a lost connection.
 */
public final class ClosedStoreEviction implements SQLExceptionOverride {

    /** H2's {@code DATABASE_IS_CLOSED}. */
    static final int DATABASE_IS_CLOSED = 90098;
    /** H2's {@code DATABASE_CALLED_AT_SHUTDOWN}. */
    static final int DATABASE_CALLED_AT_SHUTDOWN = 90121;

    @java.lang.Override // the bare name is the interface's own enum here
    public Override adjudicate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == DATABASE_IS_CLOSED
                    || sql.getErrorCode() == DATABASE_CALLED_AT_SHUTDOWN)) {
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }
}
