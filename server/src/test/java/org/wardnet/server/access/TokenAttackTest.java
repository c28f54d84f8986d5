package org.wardnet.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardnet.server.OpenApiAssertions.assertFits;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;

/**
 * Missing, malformed, forged, tampered, expired and revoked tokens, logged-out sessions and
 * disabled users: each is a 401 with {@code WWW-Authenticate: Bearer} and a problem body, and a
 * refused footage request is still written to the audit trail.
 */
class TokenAttackTest extends ApiTestBase {

    private HttpResponse<String> withHeader(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/api/v1/cameras"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return api.sendAnonymous(request);
    }

    private static void unauthenticated(HttpResponse<String> response, String error, String detail) throws Exception {
        assertEquals(401, response.statusCode(), response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer realm=\"wardnet\""), challenge);
        if (error != null) {
            assertTrue(challenge.contains("error=\"" + error + "\""), challenge);
        }
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(TestServer.json(response).get("detail").asText().contains(detail), response.body());
    }

    @Test
    void missingMalformedForgedAndTamperedTokensAreRefused() throws Exception {
        unauthenticated(withHeader(null), null, "needs a bearer token");
        unauthenticated(withHeader("Bearer"), "invalid_request", "must be 'Bearer '");
        unauthenticated(withHeader("Basic YWRtaW46YWRtaW4="), "invalid_request", "must be 'Bearer '");
        unauthenticated(withHeader("Bearer wn_short"), "invalid_request", "must be 'Bearer '");
        unauthenticated(withHeader("Bearer wn_" + "é".repeat(43)), "invalid_request", "must be 'Bearer '");
        unauthenticated(withHeader("Bearer wn_" + "A".repeat(43)), "invalid_token", "not valid");
        String real = api.adminToken();
        char last = real.charAt(real.length() - 1);
        String tampered = real.substring(0, real.length() - 1) + (last == 'A' ? 'B' : 'A');
        unauthenticated(withHeader("Bearer " + tampered), "invalid_token", "not valid");
        assertEquals(200, withHeader("bearer " + real).statusCode(), "the scheme is case-insensitive (RFC 9110)");
    }

    @Test
    void expiredRevokedAndLoggedOutTokensStopWorking() throws Exception {
        JsonNode shortLived = TestServer.json(api.postJson("/api/v1/tokens", "{\"label\":\"short\",\"expiresAt\":\""
                + Instant.now().plusSeconds(1) + "\"}"));
        String secret = shortLived.get("token").asText();
        assertEquals(200, withHeader("Bearer " + secret).statusCode(), "valid until it expires");
        long deadline = System.nanoTime() + 10_000_000_000L;
        HttpResponse<String> after = withHeader("Bearer " + secret);
        while (after.statusCode() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            after = withHeader("Bearer " + secret);
        }
        unauthenticated(after, "invalid_token", "expired");

        JsonNode machine = TestServer.json(api.postJson("/api/v1/tokens", "{\"label\":\"lpr feed\"}"));
        assertTrue(machine.get("expiresAt").isTextual(), "API tokens expire by default: " + machine);
        assertFits(api, "Token", machine);
        String machineSecret = machine.get("token").asText();
        assertEquals(200, withHeader("Bearer " + machineSecret).statusCode());
        JsonNode listed = TestServer.json(api.get("/api/v1/tokens"));
        assertFits(api, "TokenPage", listed);
        assertFits(api, "UserPage", TestServer.json(api.get("/api/v1/users")));
        assertFits(api, "User", TestServer.json(api.get("/api/v1/users/admin")));
        assertFits(api, "Me", TestServer.json(api.get("/api/v1/me")));
        assertTrue(listed.toString().contains(machine.get("id").asText()), listed.toString());
        assertTrue(!listed.toString().contains(machineSecret), "secrets are shown once only");
        assertEquals(204, api.delete("/api/v1/tokens/" + machine.get("id").asText()).statusCode());
        unauthenticated(withHeader("Bearer " + machineSecret), "invalid_token", "revoked");
        assertEquals(409, api.delete("/api/v1/tokens/" + machine.get("id").asText()).statusCode());

        String session = api.login("admin", TestServer.ADMIN_PASSWORD);
        assertEquals(204, api.sendAs(session, HttpRequest.newBuilder(api.uri("/api/v1/logout"))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode());
        unauthenticated(withHeader("Bearer " + session), "invalid_token", "revoked");
    }

    @Test
    void aDisabledOrDeletedUsersTokensStopAtOnce() throws Exception {
        String token = api.userWith("temp", "viewer@S1");
        assertEquals(200, api.sendAs(token, HttpRequest.newBuilder(api.uri("/api/v1/health/summary"))).statusCode());
        assertEquals(200, api.putJson("/api/v1/users/temp", "{\"grants\":[{\"role\":\"viewer\",\"site\":\"S1\"}],"
                + "\"disabled\":true}").statusCode());
        unauthenticated(api.sendAs(token, HttpRequest.newBuilder(api.uri("/api/v1/health/summary"))),
                "invalid_token", "disabled");
        String other = api.userWith("temp2", "viewer@S1");
        assertEquals(204, api.delete("/api/v1/users/temp2").statusCode());
        unauthenticated(api.sendAs(other, HttpRequest.newBuilder(api.uri("/api/v1/health/summary"))),
                "invalid_token", "not valid");
    }

    @Test
    void aChangedGrantTakesEffectOnTheNextRequest() throws Exception {
        String token = api.userWith("mover", "investigator@S1");
        assertEquals(200, api.sendAs(token, HttpRequest.newBuilder(api.uri("/api/v1/sites/R1"))).statusCode());
        assertEquals(200, api.putJson("/api/v1/users/mover", "{\"grants\":[{\"role\":\"investigator\",\"site\":\"S2\"}]}")
                .statusCode());
        assertEquals(404, api.sendAs(token, HttpRequest.newBuilder(api.uri("/api/v1/sites/R1"))).statusCode());
        assertEquals(200, api.sendAs(token, HttpRequest.newBuilder(api.uri("/api/v1/sites/R2"))).statusCode());
    }

    @Test
    void refusedFootageRequestsAreAuditedWithWhoTried() throws Exception {
        String viewer = api.userWith("peeker", "viewer@S1");
        api.sendAnonymous(HttpRequest.newBuilder(api.uri("/api/v1/clips/1/media")));
        api.sendAs(viewer, HttpRequest.newBuilder(api.uri("/api/v1/clips/1/media")));
        JsonNode items = TestServer.json(api.get("/api/v1/audit?limit=1000")).get("items");
        String last = items.get(items.size() - 2).toString() + items.get(items.size() - 1);
        JsonNode anonymous = items.get(items.size() - 2);
        JsonNode peeker = items.get(items.size() - 1);
        assertEquals("clips.media", anonymous.get("action").asText(), last);
        assertEquals(401, anonymous.get("result").asInt());
        assertEquals("anonymous", anonymous.get("actor").asText());
        assertEquals("peeker", peeker.get("actor").asText());
        assertEquals(403, peeker.get("result").asInt());
    }

    @Test
    void theLastDistrictAdministratorCannotBeRemoved() throws Exception {
        assertEquals(409, api.delete("/api/v1/users/admin").statusCode(), "one's own account");
        HttpResponse<String> demote = api.putJson("/api/v1/users/admin", "{\"grants\":[]}");
        assertEquals(409, demote.statusCode(), demote.body());
        assertTrue(demote.body().contains("last enabled administrator"), demote.body());
        api.userWith("second", "admin@*");
        assertEquals(200, api.putJson("/api/v1/users/admin", "{\"grants\":[{\"role\":\"viewer\",\"site\":\"*\"}]}")
                .statusCode(), "with another district administrator it may be demoted");
        assertNotEquals(200, api.get("/api/v1/users").statusCode(), "and its token lost the rights at once");
    }
}
