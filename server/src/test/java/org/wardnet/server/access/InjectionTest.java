package org.wardnet.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;

/**
 * Path traversal in every kind of path parameter, plain and encoded, answers a 400 or 404 problem
 * and nothing else; SQL metacharacters in the text fields of users, tokens, grants, sightings and
 * searches are refused by their rules or stored and returned as text.
 */
class InjectionTest extends ApiTestBase {

    private static final List<String> TRAVERSALS = List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fsecret.key",
            "..%5c..%5cwindows", "%252e%252e%252fetc", "..;%2Fadmin", "%00admin");

    @Test
    void traversalInPathParametersIsNeverServed() throws Exception {
        List<String> templates = List.of("/api/v1/cameras/%s", "/api/v1/sites/%s", "/api/v1/clips/%s/media",
                "/api/v1/users/%s", "/api/v1/cases/%s/export", "/api/v1/verifications/%s",
                "/api/v1/cameras/%s/snapshot", "/api/v1/clips/%s");
        int checked = 0;
        for (String template : templates) {
            for (String attack : TRAVERSALS) {
                HttpResponse<String> answer = api.get(String.format(template, attack));
                assertTrue(answer.statusCode() == 400 || answer.statusCode() == 404,
                        template + " with " + attack + ": " + answer.statusCode() + " " + answer.body());
                assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
                checked++;
            }
            HttpResponse<String> delete = api.delete("/api/v1/tokens/" + TRAVERSALS.get(0));
            assertTrue(delete.statusCode() == 404, delete.body());
        }
        assertEquals(templates.size() * TRAVERSALS.size(), checked);
    }

    @Test
    void sqlMetacharactersAreRefusedByRulesOrKeptAsText() throws Exception {
        String nasty = "x' OR '1'='1'; DROP TABLE app_user; --";
        HttpResponse<String> user = api.postJson("/api/v1/users", "{\"name\":\"" + nasty + "\",\"grants\":[]}");
        assertEquals(400, user.statusCode(), "user names have a strict alphabet: " + user.body());
        HttpResponse<String> grant = api.postJson("/api/v1/users", "{\"name\":\"eve\",\"grants\":[{\"role\":\"viewer\","
                + "\"site\":\"" + nasty + "\"}]}");
        assertEquals(400, grant.statusCode(), "a grant names an existing site: " + grant.body());
        HttpResponse<String> token = api.postJson("/api/v1/tokens", "{\"label\":\"" + nasty + "\"}");
        assertEquals(201, token.statusCode(), token.body());
        assertEquals(nasty, TestServer.json(token).get("label").asText());
        JsonNode tokens = TestServer.json(api.get("/api/v1/tokens"));
        assertTrue(tokens.toString().contains("DROP TABLE app_user"), "kept as text: " + tokens);
        assertEquals(200, api.get("/api/v1/users").statusCode(), "and the table is still there");
        HttpResponse<String> search = api.get("/api/v1/cameras?q=" + java.net.URLEncoder.encode(nasty,
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, search.statusCode());
        assertEquals(0, TestServer.json(search).get("items").size());
        assertEquals(201, api.postJson("/api/v1/cameras", TestServer.camera("c1", "R1")).statusCode());
        HttpResponse<String> sighting = api.postJson("/api/v1/sightings", "{\"cameraId\":\"c1\",\"time\":"
                + "\"2026-11-29T14:00:00Z\",\"kind\":\"plate\",\"value\":\"" + nasty + "\",\"confidence\":1}");
        assertEquals(201, sighting.statusCode(), sighting.body());
        JsonNode found = TestServer.json(api.get("/api/v1/sightings?kind=plate&from=2026-11-29T13:00:00Z"
                + "&to=2026-11-29T15:00:00Z&value=" + java.net.URLEncoder.encode(nasty,
                        java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(1, found.get("items").size(), found.toString());
        assertEquals(nasty, found.get("items").get(0).get("value").asText());
        HttpResponse<String> login = api.sendAnonymous(java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/login"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"user\":\"admin' --\",\"password\":\"' OR '1'='1\"}")));
        assertEquals(401, login.statusCode(), login.body());
    }
}
