package org.wardnet.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;
import org.wardnet.storage.stores.ScratchPostgres;

/**
 * On PostgreSQL, a change made to the access tables by another writer of the database (another
 * server on it, or an administrator's SQL) is heard by the server: a token revoked there, and a
 * user disabled there, stop working here without a restart, although the server had cached them.
 */
class StoreSideRevocationTest extends ApiTestBase {

    private String jdbcUrl;

    @Override
    protected WardnetConfig configure(WardnetConfig config) {
        jdbcUrl = config.get(WardnetKeys.STORE_JDBC_URL);
        return config;
    }

    private int status(String token) throws Exception {
        return api.sendAnonymous(HttpRequest.newBuilder(api.uri("/api/v1/health/summary"))
                .header("Authorization", "Bearer " + token)).statusCode();
    }

    /** The answer to {@code token} once it is no longer 200, asking for up to 10 s (about a second is expected). */
    private HttpResponse<String> refusedWithin10s(String token) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        HttpResponse<String> answer;
        do {
            Thread.sleep(50);
            answer = api.sendAnonymous(HttpRequest.newBuilder(api.uri("/api/v1/health/summary"))
                    .header("Authorization", "Bearer " + token));
        } while (answer.statusCode() == 200 && System.nanoTime() < deadline);
        return answer;
    }

    private void sql(String statement, String parameter) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, ScratchPostgres.USER, "");
             PreparedStatement update = connection.prepareStatement(statement)) {
            update.setString(1, parameter);
            assertEquals(1, update.executeUpdate(), statement);
        }
    }

    @Test
    void aTokenRevokedAndAUserDisabledInTheDatabaseAreRefusedWithoutARestart() throws Exception {
        assumeTrue(jdbcUrl.startsWith("jdbc:postgresql:"), "an H2 store is written by its one server only");
        JsonNode token = TestServer.json(api.postJson("/api/v1/tokens", "{\"label\":\"leaked\"}"));
        String secret = token.get("token").asText();
        assertEquals(200, status(secret), "cached by its first use");

        sql("UPDATE access_token SET revoked_ms = " + System.currentTimeMillis() + " WHERE id = ?",
                token.get("id").asText());
        HttpResponse<String> refused = refusedWithin10s(secret);
        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("revoked"), refused.body());

        String viewer = api.userWith("temp", "viewer@S1");
        assertEquals(200, status(viewer));
        sql("UPDATE app_user SET disabled = TRUE WHERE name = ?", "temp");
        HttpResponse<String> disabled = refusedWithin10s(viewer);
        assertEquals(401, disabled.statusCode(), disabled.body());
        assertTrue(disabled.body().contains("disabled"), disabled.body());
    }
}
