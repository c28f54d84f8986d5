package org.wardnet.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardnet.server.OpenApiAssertions.assertFits;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;

/**
 * A parent registers its child nodes: each gets an account with the node role on its own site and
 * a token shown once; that token reaches nothing a person's token would; the node role is never
 * given to a person; a revoked node's token stops working at once.
 */
class NodesApiTest extends ApiTestBase {

    @Test
    void aNodeIsRegisteredListedAndRevoked() throws Exception {
        HttpResponse<String> made = api.postJson("/api/v1/nodes", "{\"id\":\"sub-one\",\"siteId\":\"S1\"}");
        assertEquals(201, made.statusCode(), made.body());
        assertFits(api, "NodeRegistered", TestServer.json(made));
        assertEquals("/api/v1/nodes/sub-one", made.headers().firstValue("Location").orElseThrow());
        String token = TestServer.json(made).get("token").asText();
        assertTrue(token.startsWith("wn_"), token);

        JsonNode me = TestServer.json(as(token, "GET", "/api/v1/me"));
        assertEquals("node.sub-one", me.get("user").asText());
        assertEquals("node", me.get("grants").get(0).get("role").asText());
        assertEquals("S1", me.get("grants").get(0).get("site").asText());
        assertEquals(403, as(token, "GET", "/api/v1/cameras").statusCode(), "a node's token is not a person's");
        assertEquals(403, as(token, "GET", "/api/v1/health/summary").statusCode());

        JsonNode listed = TestServer.json(api.get("/api/v1/nodes"));
        assertFits(api, "NodePage", listed);
        assertEquals(1, listed.get("items").size());
        assertEquals("S1", listed.get("items").get(0).get("siteId").asText());
        assertFalse(listed.get("items").get(0).get("revoked").asBoolean());

        HttpResponse<String> revoked = api.delete("/api/v1/nodes/sub-one");
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertTrue(TestServer.json(revoked).get("revoked").asBoolean());
        assertEquals(401, as(token, "GET", "/api/v1/me").statusCode(), "a revoked node's token stops at once");
        assertEquals(404, api.delete("/api/v1/nodes/none").statusCode());
    }

    @Test
    void onlySubstationsAndRoomsAreChildrenAndTheRoleIsNotAPersons() throws Exception {
        HttpResponse<String> center = api.postJson("/api/v1/nodes", "{\"id\":\"top\",\"siteId\":\"C\"}");
        assertEquals(400, center.statusCode());
        assertEquals("siteId", TestServer.json(center).get("errors").get(0).get("field").asText());
        assertEquals(400, api.postJson("/api/v1/nodes", "{\"id\":\"x\",\"siteId\":\"nowhere\"}").statusCode());
        assertEquals(400, api.postJson("/api/v1/nodes", "{\"id\":\"bad id\",\"siteId\":\"R1\"}").statusCode());
        assertEquals(201, api.postJson("/api/v1/nodes", "{\"id\":\"room-one\",\"siteId\":\"R1\"}").statusCode());
        assertEquals(409, api.postJson("/api/v1/nodes", "{\"id\":\"room-one\",\"siteId\":\"R1\"}").statusCode());

        HttpResponse<String> person = api.postJson("/api/v1/users", "{\"name\":\"mallory\",\"grants\":"
                + "[{\"role\":\"node\",\"site\":\"S1\"}]}");
        assertEquals(400, person.statusCode(), person.body());
        assertEquals("grants", TestServer.json(person).get("errors").get(0).get("field").asText());
        assertEquals(409, api.putJson("/api/v1/users/node.room-one", "{\"grants\":[{\"role\":\"admin\",\"site\":\"*\"}]}")
                .statusCode(), "a node's account is not turned into a person's");

        String operator = api.userWith("operator-s1", "operator@S1");
        assertEquals(403, as(operator, "POST", "/api/v1/nodes").statusCode(), "registering needs the district");
    }

    private HttpResponse<String> as(String token, String method, String path) throws Exception {
        return api.sendAnonymous(HttpRequest.newBuilder(api.uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{\"id\":\"n\",\"siteId\":\"S1\"}")));
    }
}
