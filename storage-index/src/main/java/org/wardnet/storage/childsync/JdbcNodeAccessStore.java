package org.wardnet.storage.childsync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.wardnet.core.errors.StoreUnavailableException;
import org.wardnet.core.federation.NodeAccess;
import org.wardnet.core.federation.NodeAccessStore;
import org.wardnet.storage.Transactions;
import org.wardnet.storage.secrets.SecretBox;

/** Child nodes' announced access in {@code node_access}, the token sealed with the store's secret key. */
public final class JdbcNodeAccessStore implements NodeAccessStore {

    private final DataSource dataSource;
    private final SecretBox secrets;
    private final Clock clock;

    public JdbcNodeAccessStore(DataSource dataSource, SecretBox secrets, Clock clock) {
        this.dataSource = dataSource;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public void put(String node, NodeAccess access) {
        try {
            Transactions.run(dataSource, connection -> {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM node_access WHERE node_id = ?")) {
                    delete.setString(1, node);
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO node_access (node_id, url,"
                        + " certificate, token_sealed, announced_ms) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setString(1, node);
                    insert.setString(2, access.url());
                    insert.setString(3, access.certificatePem());
                    insert.setString(4, secrets.seal(access.token()));
                    insert.setLong(5, clock.millis());
                    insert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot keep node " + node + "'s access: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<NodeAccess> get(String node) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT url, certificate, token_sealed FROM node_access WHERE node_id = ?")) {
            select.setString(1, node);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new NodeAccess(row.getString(1), row.getString(2),
                        secrets.open(row.getString(3)))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read node " + node + "'s access: " + e.getMessage(), e);
        }
    }
}
