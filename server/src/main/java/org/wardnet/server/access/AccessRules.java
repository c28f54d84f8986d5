package org.wardnet.server.access;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.wardnet.core.access.Permission;
import org.wardnet.server.http.Router;

/**
 * The one table of what every route needs. A route missing here stops the server at start (and
 * so fails the build's tests); the role x route test checks this table against an independent
 * expectation.
 *
 * <p>Scoped rules give the handler the caller's {@link org.wardnet.core.access.AccessScope} for
 * the permission; handlers filter lists by it and answer 404 for ids outside it. District rules
 * need a grant on the whole district: their data (metrics, users, the audit trail, the street
 * network) is not divided by site.
 */
public final class AccessRules {

    /** What a route needs. */
    public record Rule(Kind kind, Permission permission) {
    }

    /** How a rule is checked. */
    public enum Kind {
        /** Anyone, without a token. */
        PUBLIC,
        /** Any valid token, whatever its roles. */
        AUTHENTICATED,
        /** The permission somewhere; the handler filters by the scope. */
        SCOPED,
        /** The permission on the whole district. */
        DISTRICT
    }

    private static final Map<String, Rule> RULES = new HashMap<>();

    static {
        open("GET /healthz", "GET /readyz", "GET /api/v1/openapi.json", "POST /api/v1/login");
        any("POST /api/v1/logout", "GET /api/v1/me", "PUT /api/v1/me/password",
                "GET /api/v1/tokens", "POST /api/v1/tokens", "DELETE /api/v1/tokens/{id}");
        district(Permission.HEALTH_READ, "GET /metrics");
        scoped(Permission.REGISTRY_READ, "GET /api/v1/sites", "GET /api/v1/sites/{id}", "GET /api/v1/cameras",
                "GET /api/v1/cameras/{id}", "GET /api/v1/track/streets", "GET /api/v1/track/links");
        scoped(Permission.SITES_WRITE, "POST /api/v1/sites", "PUT /api/v1/sites/{id}", "DELETE /api/v1/sites/{id}");
        scoped(Permission.CAMERAS_WRITE, "POST /api/v1/cameras", "POST /api/v1/cameras/import",
                "PUT /api/v1/cameras/{id}", "DELETE /api/v1/cameras/{id}");
        scoped(Permission.HEALTH_READ, "GET /api/v1/cameras/{id}/health", "GET /api/v1/health/summary",
                "GET /api/v1/events");
        scoped(Permission.INSTALL, "POST /api/v1/discovery", "POST /api/v1/discovery/register",
                "POST /api/v1/cameras/{id}/verify", "GET /api/v1/cameras/{id}/verification",
                "GET /api/v1/cameras/{id}/snapshot", "POST /api/v1/verifications", "GET /api/v1/verifications/{id}");
        scoped(Permission.RECORDING, "POST /api/v1/clips", "POST /api/v1/clips/import", "GET /api/v1/recording/plans",
                "PUT /api/v1/recording/plans/{id}", "DELETE /api/v1/recording/plans/{id}",
                "GET /api/v1/recording/status");
        scoped(Permission.FOOTAGE, "GET /api/v1/clips", "GET /api/v1/clips/{id}", "GET /api/v1/clips/{id}/media",
                "PUT /api/v1/clips/{id}/hold", "DELETE /api/v1/clips/{id}/hold", "GET /api/v1/cameras/{id}/timeline",
                "GET /api/v1/cameras/{id}/export", "GET /api/v1/coverage");
        scoped(Permission.INVESTIGATE, "POST /api/v1/track/follow", "POST /api/v1/track/corridor",
                "POST /api/v1/sightings", "GET /api/v1/sightings", "POST /api/v1/cases", "GET /api/v1/cases/{id}",
                "POST /api/v1/cases/{id}/sightings", "POST /api/v1/cases/{id}/confirm", "GET /api/v1/cases/{id}/export");
        scoped(Permission.TRACK_SETUP, "POST /api/v1/track/links", "DELETE /api/v1/track/links/{id}");
        district(Permission.TRACK_SETUP, "PUT /api/v1/track/streets");
        district(Permission.AUDIT_READ, "GET /api/v1/audit");
        district(Permission.USERS_ADMIN, "GET /api/v1/users", "POST /api/v1/users", "GET /api/v1/users/{name}",
                "PUT /api/v1/users/{name}", "DELETE /api/v1/users/{name}", "PUT /api/v1/users/{name}/password");
    }

    private AccessRules() {
    }

    /** The rule of a route ("METHOD template"), or null when it has none. */
    public static Rule of(String routeKey) {
        return RULES.get(routeKey);
    }

    /** @throws IllegalStateException naming every route without a rule */
    static void requireEveryRoute(List<Router.Route> routes) {
        List<String> missing = routes.stream().map(Router.Route::key).filter(k -> !RULES.containsKey(k))
                .collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("routes without an access rule (add them to AccessRules): " + missing);
        }
    }

    private static void open(String... routes) {
        put(new Rule(Kind.PUBLIC, null), routes);
    }

    private static void any(String... routes) {
        put(new Rule(Kind.AUTHENTICATED, null), routes);
    }

    private static void scoped(Permission permission, String... routes) {
        put(new Rule(Kind.SCOPED, permission), routes);
    }

    private static void district(Permission permission, String... routes) {
        put(new Rule(Kind.DISTRICT, permission), routes);
    }

    private static void put(Rule rule, String... routes) {
        for (String route : routes) {
            if (RULES.put(route, rule) != null) {
                throw new IllegalStateException("access rule declared twice: " + route);
            }
        }
    }
}
