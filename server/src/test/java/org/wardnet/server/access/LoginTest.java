package org.wardnet.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.app.access.Accounts;
import org.wardnet.app.access.Authenticator;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.access.Grant;
import org.wardnet.core.access.LoginThrottle;
import org.wardnet.core.access.PasswordHasher;
import org.wardnet.core.access.Role;
import org.wardnet.core.errors.DomainException;
import org.wardnet.server.TestServer;
import org.wardnet.storage.Database;
import org.wardnet.storage.access.JdbcUserStore;

/**
 * Logins: the generated first password and the forced change, brute force limited per name and
 * per address, and no user enumeration, neither by the answer nor by the work done for it.
 */
class LoginTest {

    @TempDir
    Path dir;

    private static HttpResponse<String> login(TestServer api, String user, String password) throws Exception {
        return api.sendAnonymous(HttpRequest.newBuilder(api.uri("/api/v1/login")).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user
                        + "\",\"password\":\"" + password + "\"}")));
    }

    @Test
    void theFirstAdministratorGetsAOneTimePasswordThatMustBeChanged() throws Exception {
        String generated;
        try (TestServer api = TestServer.start(dir, c -> c.with(WardnetKeys.AUTH_ADMIN_PASSWORD, ""))) {
            generated = api.server.firstAdminPassword();
            assertNotNull(generated, "no password configured: one is generated");
            assertEquals(20, generated.length());
            HttpResponse<String> first = login(api, "admin", generated);
            assertEquals(200, first.statusCode(), first.body());
            assertTrue(TestServer.json(first).get("mustChangePassword").asBoolean());
            org.wardnet.server.OpenApiAssertions.assertFits(api, "Session", TestServer.json(first));
            String token = TestServer.json(first).get("token").asText();
            HttpResponse<String> blocked = api.sendAs(token, HttpRequest.newBuilder(api.uri("/api/v1/cameras")));
            assertEquals(403, blocked.statusCode());
            assertTrue(blocked.body().contains("password-change-required"), blocked.body());
            assertEquals(200, api.sendAs(token, HttpRequest.newBuilder(api.uri("/api/v1/me"))).statusCode());
            HttpResponse<String> weak = api.sendAs(token, HttpRequest.newBuilder(api.uri("/api/v1/me/password"))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                            "{\"currentPassword\":\"" + generated + "\",\"newPassword\":\"short\"}")));
            assertEquals(400, weak.statusCode(), weak.body());
            HttpResponse<String> changed = api.sendAs(token, HttpRequest.newBuilder(api.uri("/api/v1/me/password"))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                            "{\"currentPassword\":\"" + generated + "\",\"newPassword\":\"a much better secret\"}")));
            assertEquals(204, changed.statusCode(), changed.body());
            assertEquals(200, api.sendAs(token, HttpRequest.newBuilder(api.uri("/api/v1/cameras"))).statusCode());
            assertEquals(401, login(api, "admin", generated).statusCode(), "the one-time password is gone");
        }
        try (TestServer again = TestServer.start(dir, c -> c.with(WardnetKeys.AUTH_ADMIN_PASSWORD, ""))) {
            assertNull(again.server.firstAdminPassword(), "users exist: nothing is generated again");
            assertEquals(200, login(again, "admin", "a much better secret").statusCode());
        }
    }

    @Test
    void bruteForceIsLimitedPerNameAndPerAddressWithoutTellingNamesApart() throws Exception {
        try (TestServer api = TestServer.start(dir)) {
            api.adminToken(); // a session from before the attack, to read the audit trail after it
            HttpResponse<String> wrongPassword = login(api, "admin", "not the password");
            HttpResponse<String> unknownUser = login(api, "nobody-here", "not the password");
            assertEquals(401, wrongPassword.statusCode());
            assertEquals(wrongPassword.statusCode(), unknownUser.statusCode());
            assertEquals(wrongPassword.body(), unknownUser.body(), "the same words whether the name exists or not");
            for (int i = 0; i < 4; i++) {
                assertEquals(401, login(api, "admin", "guess " + i).statusCode());
            }
            HttpResponse<String> limited = login(api, "admin", TestServer.ADMIN_PASSWORD);
            assertEquals(429, limited.statusCode(), "five failures: even the right password waits " + limited.body());
            assertTrue(Integer.parseInt(limited.headers().firstValue("Retry-After").orElse("0")) > 0);
            for (int i = 0; i < 4; i++) {
                assertEquals(401, login(api, "nobody-here", "guess " + i).statusCode());
            }
            assertEquals(429, login(api, "nobody-here", "again").statusCode(), "unknown names are limited alike");
            // 10 failures so far from this address; ten more under other names reach the address limit
            for (int i = 0; i < 10; i++) {
                assertEquals(401, login(api, "spray-" + i, "guess").statusCode());
            }
            assertEquals(429, login(api, "spray-new", "guess").statusCode(), "20 failures from one address");
            JsonNode audit = TestServer.json(api.get("/api/v1/audit?limit=1000"));
            assertTrue(audit.toString().contains("\"result\":429"), "refused logins are in the audit trail");
            assertTrue(audit.toString().contains("\"actor\":\"login:nobody-here\""), "under the name tried: " + audit);
        }
    }

    @Test
    void anUnknownNameCostsTheSameKeyDerivationAsAKnownOne() {
        WardnetConfig config = TestServer.onTheStoreAsked(
                WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR, dir.toString()));
        try (Database db = Database.open(config)) {
            PasswordHasher hasher = new PasswordHasher(TestServer.TEST_ITERATIONS);
            JdbcUserStore store = new JdbcUserStore(db.dataSource());
            Accounts accounts = new Accounts(store, hasher, new Authenticator(store, Clock.systemUTC()),
                    new LoginThrottle(100, 100, Duration.ofMinutes(1), Clock.systemUTC()), id -> true,
                    Clock.systemUTC(), new Accounts.Lifetimes(Duration.ofHours(1), Duration.ofDays(1)));
            accounts.createUser("alice", "alice's long password", List.of(new Grant(Role.VIEWER, "*")), false);
            long before = hasher.derivations();
            DomainException known = assertThrows(DomainException.class, () -> accounts.login("alice", "wrong", "127.0.0.1"));
            long forKnown = hasher.derivations() - before;
            before = hasher.derivations();
            DomainException unknown = assertThrows(DomainException.class, () -> accounts.login("mallory", "wrong", "127.0.0.1"));
            long forUnknown = hasher.derivations() - before;
            assertEquals(1, forKnown);
            assertEquals(forKnown, forUnknown, "a dummy hash is verified for a name that does not exist");
            assertEquals(known.getMessage(), unknown.getMessage());
        }
    }
}
