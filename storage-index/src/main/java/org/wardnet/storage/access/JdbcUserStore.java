package org.wardnet.storage.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.wardnet.core.access.AccessToken;
import org.wardnet.core.access.Grant;
import org.wardnet.core.access.Role;
import org.wardnet.core.access.User;
import org.wardnet.core.access.UserStore;
import org.wardnet.core.errors.StoreUnavailableException;
import org.wardnet.storage.Transactions;

/** Users in {@code app_user}, grants in {@code user_grant}, tokens in {@code access_token}. Thread-safe. */
public final class JdbcUserStore implements UserStore {

    private static final String TOKEN_COLUMNS = "id, digest, user_name, kind, label, created_ms, expires_ms, revoked_ms";

    private final DataSource dataSource;

    public JdbcUserStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public boolean create(User user) {
        boolean[] created = {false};
        write("create user", connection -> {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM app_user WHERE name = ?")) {
                exists.setString(1, user.name());
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO app_user (name, password_hash,"
                    + " must_change, disabled, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, user.name());
                insert.setString(2, user.passwordHash());
                insert.setBoolean(3, user.mustChangePassword());
                insert.setBoolean(4, user.disabled());
                insert.setLong(5, user.created().toEpochMilli());
                insert.setLong(6, user.updated().toEpochMilli());
                insert.executeUpdate();
            }
            insertGrants(connection, user.name(), user.grants());
            created[0] = true;
        });
        return created[0];
    }

    @Override
    public Optional<User> find(String name) {
        List<User> users = select("WHERE name = ?", name);
        return users.isEmpty() ? Optional.empty() : Optional.of(users.get(0));
    }

    @Override
    public List<User> all() {
        return select("", null);
    }

    @Override
    public boolean update(String name, List<Grant> grants, boolean disabled, Instant at) {
        boolean[] found = {false};
        write("update user", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE app_user SET disabled = ?, updated_ms = ? WHERE name = ?")) {
                update.setBoolean(1, disabled);
                update.setLong(2, at.toEpochMilli());
                update.setString(3, name);
                found[0] = update.executeUpdate() == 1;
            }
            if (found[0]) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM user_grant WHERE user_name = ?")) {
                    delete.setString(1, name);
                    delete.executeUpdate();
                }
                insertGrants(connection, name, grants);
            }
        });
        return found[0];
    }

    @Override
    public boolean setPassword(String name, String passwordHash, boolean mustChange, Instant at) {
        return update("set password", "UPDATE app_user SET password_hash = ?, must_change = ?, updated_ms = ?"
                + " WHERE name = ?", passwordHash, mustChange, at.toEpochMilli(), name) == 1;
    }

    @Override
    public boolean delete(String name) {
        return update("delete user", "DELETE FROM app_user WHERE name = ?", name) == 1;
    }

    @Override
    public void addToken(AccessToken t) {
        update("add token", "INSERT INTO access_token (" + TOKEN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                t.id(), t.digest(), t.user(), t.kind().name(), t.label(), t.created().toEpochMilli(),
                t.expires() == null ? null : t.expires().toEpochMilli(), null);
    }

    @Override
    public Optional<AccessToken> tokenByDigest(String digest) {
        List<AccessToken> found = tokens("WHERE digest = ?", digest);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public Optional<AccessToken> token(String id) {
        List<AccessToken> found = tokens("WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<AccessToken> tokensOf(String user, Instant since) {
        return tokens("WHERE user_name = ? AND (kind = 'API' OR (revoked_ms IS NULL AND expires_ms > ?))"
                + " ORDER BY created_ms DESC, id", user, since.toEpochMilli());
    }

    @Override
    public boolean revoke(String id, Instant at) {
        return update("revoke token", "UPDATE access_token SET revoked_ms = ? WHERE id = ? AND revoked_ms IS NULL",
                at.toEpochMilli(), id) == 1;
    }

    @Override
    public int revokeAll(String user, Instant at) {
        return update("revoke tokens", "UPDATE access_token SET revoked_ms = ? WHERE user_name = ?"
                + " AND revoked_ms IS NULL", at.toEpochMilli(), user);
    }

    @Override
    public boolean anyUser() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT 1 FROM app_user LIMIT 1");
                ResultSet row = select.executeQuery()) {
            return row.next();
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read users: " + e.getMessage(), e);
        }
    }

    private List<User> select(String where, String name) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, List<Grant>> grants = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT user_name, role, site_id FROM user_grant"
                    + (name == null ? "" : " WHERE user_name = ?") + " ORDER BY user_name, role, site_id")) {
                if (name != null) {
                    select.setString(1, name);
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        grants.computeIfAbsent(row.getString(1), k -> new ArrayList<>())
                                .add(new Grant(Role.valueOf(row.getString(2)), row.getString(3)));
                    }
                }
            }
            List<User> users = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT name, password_hash, must_change,"
                    + " disabled, created_ms, updated_ms FROM app_user " + where + " ORDER BY name")) {
                if (name != null) {
                    select.setString(1, name);
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        users.add(new User(row.getString(1), row.getString(2), row.getBoolean(3), row.getBoolean(4),
                                grants.getOrDefault(row.getString(1), List.of()),
                                Instant.ofEpochMilli(row.getLong(5)), Instant.ofEpochMilli(row.getLong(6))));
                    }
                }
            }
            return users;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read users: " + e.getMessage(), e);
        }
    }

    private List<AccessToken> tokens(String where, Object... values) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + TOKEN_COLUMNS + " FROM access_token " + where)) {
            bind(select, values);
            List<AccessToken> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(new AccessToken(row.getString(1), row.getString(2), row.getString(3),
                            AccessToken.Kind.valueOf(row.getString(4)), row.getString(5),
                            Instant.ofEpochMilli(row.getLong(6)), instant(row, 7), instant(row, 8)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read tokens: " + e.getMessage(), e);
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static void insertGrants(Connection connection, String user, List<Grant> grants) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO user_grant (user_name, role, site_id) VALUES (?, ?, ?)")) {
            for (Grant grant : grants.stream().distinct().toList()) {
                insert.setString(1, user);
                insert.setString(2, grant.role().name());
                insert.setString(3, grant.siteId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private int update(String what, String sql, Object... values) {
        int[] count = {0};
        write(what, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, values);
                count[0] = statement.executeUpdate();
            }
        });
        return count[0];
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                statement.setObject(i + 1, null);
            } else if (value instanceof Long l) {
                statement.setLong(i + 1, l);
            } else if (value instanceof Boolean b) {
                statement.setBoolean(i + 1, b);
            } else {
                statement.setString(i + 1, value.toString());
            }
        }
    }

    private void write(String what, Transactions.Work work) {
        try {
            Transactions.run(dataSource, work);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
