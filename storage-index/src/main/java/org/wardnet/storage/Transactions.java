package org.wardnet.storage;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs work in one transaction: committed when it returns, rolled back when it throws. */
public final class Transactions {

    /** Work on a connection whose auto-commit is off. */
    public interface Work {
        void run(Connection connection) throws SQLException;
    }

    private Transactions() {
    }

    /** @throws SQLException the work's own failure, after the rollback */
    public static void run(DataSource dataSource, Work work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true); // the pool hands it on as it lent it
            }
        }
    }
}
