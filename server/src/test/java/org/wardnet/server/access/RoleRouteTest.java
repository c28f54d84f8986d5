package org.wardnet.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.netty.handler.codec.http.HttpMethod;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.Router;
import org.wardnet.server.routes.Endpoint;
import org.wardnet.server.routes.Operation;

/**
 * Walks every route of the API with every role (each granted on substation S1, the admin on the
 * whole district) and without a token, and checks each outcome against the table below, written
 * independently of the routes' declared {@link org.wardnet.server.routes.Access} rules. A route missing from this table fails the test, so a new
 * endpoint cannot ship without a decided rule.
 *
 * <p>Outcomes: 401 (no identity), 403 (the role lacks the permission, or it needs the whole
 * district), anything else means the request got past access control (ids in the paths do not
 * exist, so most such answers are 404 or 400).
 */
class RoleRouteTest extends ApiTestBase {

    private static final String ANYONE = "anyone";
    private static final String EVERY_ROLE = "admin operator installer investigator viewer";
    private static final String REGISTRY_READERS = "admin operator installer investigator";

    /** Route to the roles that get past access control; ANYONE includes callers without a token. */
    private static final Map<String, String> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /healthz", ANYONE),
            Map.entry("GET /readyz", ANYONE),
            Map.entry("GET /api/v1/openapi.json", ANYONE),
            Map.entry("POST /api/v1/login", ANYONE),
            Map.entry("GET /metrics", "admin"),
            Map.entry("POST /api/v1/logout", EVERY_ROLE),
            Map.entry("GET /api/v1/me", EVERY_ROLE),
            Map.entry("PUT /api/v1/me/password", EVERY_ROLE),
            Map.entry("GET /api/v1/tokens", EVERY_ROLE),
            Map.entry("POST /api/v1/tokens", EVERY_ROLE),
            Map.entry("DELETE /api/v1/tokens/{id}", EVERY_ROLE),
            Map.entry("GET /api/v1/sites", REGISTRY_READERS),
            Map.entry("GET /api/v1/sites/{id}", REGISTRY_READERS),
            Map.entry("POST /api/v1/sites", "admin operator"),
            Map.entry("PUT /api/v1/sites/{id}", "admin operator"),
            Map.entry("DELETE /api/v1/sites/{id}", "admin operator"),
            Map.entry("GET /api/v1/cameras", REGISTRY_READERS),
            Map.entry("GET /api/v1/cameras/{id}", REGISTRY_READERS),
            Map.entry("POST /api/v1/cameras", "admin installer"),
            Map.entry("POST /api/v1/cameras/import", "admin installer"),
            Map.entry("PUT /api/v1/cameras/{id}", "admin installer"),
            Map.entry("DELETE /api/v1/cameras/{id}", "admin installer"),
            Map.entry("GET /api/v1/map/cameras", REGISTRY_READERS),
            Map.entry("GET /api/v1/cameras/{id}/health", EVERY_ROLE),
            Map.entry("GET /api/v1/health/summary", EVERY_ROLE),
            Map.entry("GET /api/v1/health/states", EVERY_ROLE),
            Map.entry("GET /api/v1/events", EVERY_ROLE),
            Map.entry("POST /api/v1/discovery", "admin installer"),
            Map.entry("POST /api/v1/discovery/register", "admin installer"),
            Map.entry("POST /api/v1/cameras/{id}/verify", "admin installer"),
            Map.entry("GET /api/v1/cameras/{id}/verification", "admin installer"),
            Map.entry("GET /api/v1/cameras/{id}/snapshot", "admin installer"),
            Map.entry("POST /api/v1/verifications", "admin installer"),
            Map.entry("GET /api/v1/verifications/{id}", "admin installer"),
            Map.entry("POST /api/v1/clips", "admin operator"),
            Map.entry("POST /api/v1/cameras/{id}/live", "admin operator investigator viewer"),
            Map.entry("GET /api/v1/live", "admin operator investigator viewer"),
            // a browser's WebSocket cannot send a header: the live session admits its ticket or token itself
            Map.entry("GET /api/v1/cameras/{id}/live", ANYONE),
            Map.entry("POST /api/v1/clips/import", "admin operator"),
            Map.entry("GET /api/v1/recording/plans", "admin operator"),
            Map.entry("PUT /api/v1/recording/plans/{id}", "admin operator"),
            Map.entry("DELETE /api/v1/recording/plans/{id}", "admin operator"),
            Map.entry("GET /api/v1/recording/status", "admin operator"),
            Map.entry("GET /api/v1/clips", "admin investigator"),
            Map.entry("GET /api/v1/clips/{id}", "admin investigator"),
            Map.entry("GET /api/v1/clips/{id}/media", "admin investigator"),
            Map.entry("POST /api/v1/clips/{id}/media-link", "admin investigator"),
            Map.entry("GET /api/v1/media/{ticket}", ANYONE),
            Map.entry("PUT /api/v1/clips/{id}/hold", "admin investigator"),
            Map.entry("DELETE /api/v1/clips/{id}/hold", "admin investigator"),
            Map.entry("GET /api/v1/cameras/{id}/timeline", "admin investigator"),
            Map.entry("GET /api/v1/cameras/{id}/export", "admin investigator"),
            Map.entry("GET /api/v1/coverage", "admin investigator"),
            Map.entry("POST /api/v1/track/follow", "admin investigator"),
            Map.entry("POST /api/v1/track/corridor", "admin investigator"),
            Map.entry("POST /api/v1/sightings", "admin investigator"),
            Map.entry("GET /api/v1/sightings", "admin investigator"),
            Map.entry("POST /api/v1/cases", "admin investigator"),
            Map.entry("GET /api/v1/cases/{id}", "admin investigator"),
            Map.entry("POST /api/v1/cases/{id}/sightings", "admin investigator"),
            Map.entry("POST /api/v1/cases/{id}/confirm", "admin investigator"),
            Map.entry("GET /api/v1/cases/{id}/export", "admin investigator"),
            Map.entry("GET /api/v1/track/streets", REGISTRY_READERS),
            Map.entry("PUT /api/v1/track/streets", "admin"),
            Map.entry("GET /api/v1/track/links", REGISTRY_READERS),
            Map.entry("POST /api/v1/track/links", "admin installer"),
            Map.entry("DELETE /api/v1/track/links/{id}", "admin installer"),
            Map.entry("GET /api/v1/audit", "admin"),
            Map.entry("GET /api/v1/users", "admin"),
            Map.entry("POST /api/v1/users", "admin"),
            Map.entry("GET /api/v1/users/{name}", "admin"),
            Map.entry("PUT /api/v1/users/{name}", "admin"),
            Map.entry("DELETE /api/v1/users/{name}", "admin"),
            Map.entry("PUT /api/v1/users/{name}/password", "admin"),
            Map.entry("POST /api/v1/nodes", "admin"),
            Map.entry("GET /api/v1/nodes", "admin"),
            Map.entry("GET /api/v1/nodes/{id}", "admin"),
            Map.entry("DELETE /api/v1/nodes/{id}", "admin"),
            // tier nodes' accounts only: no person's role carries SYNC
            Map.entry("GET /api/v1/sync/state", "node-accounts-only"),
            Map.entry("POST /api/v1/sync/changes", "node-accounts-only"),
            Map.entry("PUT /api/v1/sync/access", "node-accounts-only")));

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void everyRouteWithEveryRoleMatchesTheTable() throws Exception {
        List<Router.Route> routes = new ArrayList<>(api.server.routes());
        List<String> missing = routes.stream().map(RoleRouteTest::key).filter(k -> !EXPECTED.containsKey(k)).toList();
        assertEquals(List.of(), missing, "routes without an expected outcome in this test's table");
        assertEquals(EXPECTED.size(), routes.size(), "the table names routes the server does not have");
        // logging out ends the session the walk uses: it goes last
        routes.sort(Comparator.comparing(r -> key(r).equals("POST /api/v1/logout")));

        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("admin", api.adminToken());
        for (String role : List.of("operator", "installer", "investigator", "viewer")) {
            callers.put(role, api.userWith(role + "-s1", role + "@S1"));
        }
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, String> caller : callers.entrySet()) {
            for (Router.Route route : routes) {
                String key = key(route);
                String allowed = EXPECTED.get(key);
                int status = send(route, caller.getValue());
                String expected = expectedOutcome(allowed, caller.getKey());
                String actual = status == 401 ? "401" : status == 403 ? "403" : "passed";
                if (!expected.equals(actual)) {
                    wrong.add(caller.getKey() + " " + key + ": expected " + expected + ", got " + status);
                }
                checked++;
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(routes.size() * callers.size(), checked);
    }

    private static String expectedOutcome(String allowed, String caller) {
        if (allowed.equals(ANYONE)) {
            return "passed";
        }
        if (caller.equals("anonymous")) {
            return "401";
        }
        return Set.of(allowed.split(" ")).contains(caller) ? "passed" : "403";
    }

    /**
     * The route with its parameters filled by ids that exist nowhere and, for writes, an empty JSON
     * object; a new site names S1 as its parent (a top-level site needs the whole district, which
     * the scoped operator rightly lacks, and which aGrantOnOneSubstationCannotMakeTopLevelSites checks).
     */
    private int send(Router.Route route, String token) throws Exception {
        String path = route.template().replace("{id}", "zz-none").replace("{name}", "zz-none")
                .replace("{ticket}", "zz-none");
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        String method = route.method().name();
        if (method.equals("POST") || method.equals("PUT")) {
            String body = key(route).equals("POST /api/v1/sites") ? "{\"parentId\":\"S1\"}" : "{}";
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        // read the head only: an event stream that was let through never ends by itself
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    private static String key(Router.Route route) {
        return route.method().name() + " " + route.template();
    }

    @Test
    void aRouteWithoutARuleStopsTheServer() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Endpoint.of(HttpMethod.GET,
                "/api/v1/something-new", request -> CompletableFuture.completedFuture(ApiResponse.noContent()), null,
                Endpoint.NOT_AUDITED, Operation.doc("ops", "new")));
        assertTrue(e.getMessage().contains("GET /api/v1/something-new"), e.getMessage());
        AccessControl control = new AccessControl(null, id -> null, null, null, null);
        try {
            control.apply(api.server.endpoints());
        } catch (IllegalStateException unexpected) {
            fail("every route of the server has a rule: " + unexpected.getMessage());
        }
    }
}
