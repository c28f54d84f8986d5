package org.wardnet.server.audit;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.wardnet.app.audit.AuditLog;
import org.wardnet.core.audit.AuditEntry;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.Problem;
import org.wardnet.server.http.ProblemWriter;
import org.wardnet.server.http.Router;

/**
 * The one place that decides which requests go into the audit trail: every footage-related
 * request and every change to the registry, the street network or the links, with its result.
 * Every route must appear here, recorded or deliberately not: a route without a decision stops
 * the server at start (and the build, through its tests).
 *
 * <p>A recorded request is answered only once its entry is stored; when the trail cannot take it,
 * the request fails with 503 rather than going unrecorded.
 */
public final class Auditing {

    /** Recorded routes, "METHOD template" to the action written in the trail. */
    static final Map<String, String> RECORDED = Map.ofEntries(
            Map.entry("POST /api/v1/sites", "site.create"),
            Map.entry("PUT /api/v1/sites/{id}", "site.replace"),
            Map.entry("DELETE /api/v1/sites/{id}", "site.delete"),
            Map.entry("POST /api/v1/cameras", "camera.create"),
            Map.entry("POST /api/v1/cameras/import", "camera.import"),
            Map.entry("PUT /api/v1/cameras/{id}", "camera.replace"),
            Map.entry("DELETE /api/v1/cameras/{id}", "camera.delete"),
            Map.entry("POST /api/v1/discovery/register", "camera.register"),
            Map.entry("GET /api/v1/cameras/{id}/snapshot", "camera.snapshot"),
            Map.entry("POST /api/v1/clips", "clips.ingest"),
            Map.entry("GET /api/v1/clips", "clips.list"),
            Map.entry("POST /api/v1/clips/import", "clips.import"),
            Map.entry("GET /api/v1/clips/{id}", "clips.get"),
            Map.entry("GET /api/v1/clips/{id}/media", "clips.media"),
            Map.entry("PUT /api/v1/clips/{id}/hold", "clips.hold"),
            Map.entry("DELETE /api/v1/clips/{id}/hold", "clips.release"),
            Map.entry("GET /api/v1/cameras/{id}/timeline", "footage.timeline"),
            Map.entry("GET /api/v1/cameras/{id}/export", "footage.export"),
            Map.entry("GET /api/v1/coverage", "footage.coverage"),
            Map.entry("PUT /api/v1/recording/plans/{id}", "recording.plan"),
            Map.entry("DELETE /api/v1/recording/plans/{id}", "recording.unplan"),
            Map.entry("POST /api/v1/track/follow", "track.follow"),
            Map.entry("POST /api/v1/track/corridor", "track.corridor"),
            Map.entry("PUT /api/v1/track/streets", "track.streets"),
            Map.entry("POST /api/v1/track/links", "track.link"),
            Map.entry("DELETE /api/v1/track/links/{id}", "track.unlink"),
            Map.entry("POST /api/v1/sightings", "sightings.add"),
            Map.entry("GET /api/v1/sightings", "sightings.query"),
            Map.entry("POST /api/v1/cases", "case.create"),
            Map.entry("GET /api/v1/cases/{id}", "case.read"),
            Map.entry("POST /api/v1/cases/{id}/sightings", "case.add"),
            Map.entry("POST /api/v1/cases/{id}/confirm", "case.confirm"),
            Map.entry("GET /api/v1/cases/{id}/export", "case.export"),
            Map.entry("GET /api/v1/audit", "audit.read"),
            Map.entry("POST /api/v1/login", "auth.login"),
            Map.entry("POST /api/v1/logout", "auth.logout"),
            Map.entry("PUT /api/v1/me/password", "auth.password"),
            Map.entry("POST /api/v1/tokens", "token.create"),
            Map.entry("DELETE /api/v1/tokens/{id}", "token.revoke"),
            Map.entry("POST /api/v1/users", "user.create"),
            Map.entry("PUT /api/v1/users/{name}", "user.change"),
            Map.entry("DELETE /api/v1/users/{name}", "user.delete"),
            Map.entry("PUT /api/v1/users/{name}/password", "user.password"));

    /**
     * Routes not recorded: ops, documents, reads of the registry, health and installer progress,
     * and reads of one's own account and of the user list.
     */
    static final Set<String> NOT_RECORDED = Set.of(
            "GET /healthz", "GET /readyz", "GET /metrics", "GET /api/v1/openapi.json",
            "GET /api/v1/sites", "GET /api/v1/sites/{id}", "GET /api/v1/cameras", "GET /api/v1/cameras/{id}",
            "GET /api/v1/cameras/{id}/health", "GET /api/v1/health/summary", "GET /api/v1/events",
            "POST /api/v1/discovery", "POST /api/v1/cameras/{id}/verify", "GET /api/v1/cameras/{id}/verification",
            "POST /api/v1/verifications", "GET /api/v1/verifications/{id}",
            "GET /api/v1/recording/plans", "GET /api/v1/recording/status",
            "GET /api/v1/track/streets", "GET /api/v1/track/links",
            "GET /api/v1/me", "GET /api/v1/tokens", "GET /api/v1/users", "GET /api/v1/users/{name}");

    private final AuditLog log;
    private final ProblemWriter.ExceptionTranslator translator;
    private final Clock clock;

    public Auditing(AuditLog log, ProblemWriter.ExceptionTranslator translator, Clock clock) {
        this.log = log;
        this.translator = translator;
        this.clock = clock;
    }

    /** The routes with every recorded one wrapped. */
    public List<Router.Route> apply(List<Router.Route> routes) {
        List<String> undecided = routes.stream().map(Router.Route::key)
                .filter(k -> !RECORDED.containsKey(k) && !NOT_RECORDED.contains(k)).collect(Collectors.toList());
        if (!undecided.isEmpty()) {
            throw new IllegalStateException("routes without an audit decision (add them to Auditing): " + undecided);
        }
        List<Router.Route> out = new ArrayList<>(routes.size());
        for (Router.Route route : routes) {
            String action = RECORDED.get(route.key());
            out.add(action == null ? route : new Router.Route(route.method(), route.template(),
                    request -> recorded(action, route.handler(), request)));
        }
        return out;
    }

    private CompletableFuture<ApiResponse> recorded(String action, Router.Handler handler, ApiRequest request) {
        CompletableFuture<ApiResponse> answer;
        try {
            answer = handler.handle(request);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.handle(Outcome::new).thenCompose(outcome -> log.record(draft(action, request, status(outcome)))
                .handle((entry, auditFailure) -> {
                    if (auditFailure != null) {
                        throw new CompletionException(unavailable());
                    }
                    if (outcome.error() != null) {
                        throw outcome.error() instanceof CompletionException c ? c : new CompletionException(outcome.error());
                    }
                    return outcome.response();
                }));
    }

    /**
     * A request refused before its handler ran (no valid token, no permission): recorded when its
     * route is audited, then failed with {@code refusal}.
     */
    public CompletableFuture<ApiResponse> denied(String routeKey, ApiRequest request, RuntimeException refusal) {
        String action = RECORDED.get(routeKey);
        if (action == null) {
            return CompletableFuture.failedFuture(refusal);
        }
        return log.record(draft(action, request, status(new Outcome(null, refusal)))).handle((entry, failure) -> {
            throw new CompletionException(failure != null ? unavailable() : refusal);
        });
    }

    private AuditEntry.Draft draft(String action, ApiRequest request, int status) {
        return new AuditEntry.Draft(clock.instant(), actor(action, request),
                request.scope() == null ? null : request.scope().toString(), request.remoteAddress(), action,
                target(request), status);
    }

    private static final java.util.regex.Pattern LOGIN_USER = java.util.regex.Pattern.compile(
            "\"user\"\\s*:\\s*\"([A-Za-z0-9._-]{1,64})\"");

    /**
     * The caller; for a login, the name it tried ("login:NAME"), so guessing at an account shows in
     * the trail under that account. A name that cannot exist is not copied.
     */
    private static String actor(String action, ApiRequest request) {
        if (request.principal() != null) {
            return request.principal().user();
        }
        if (action.equals("auth.login") && request.body().length <= 4_096) {
            java.util.regex.Matcher user = LOGIN_USER.matcher(new String(request.body(),
                    java.nio.charset.StandardCharsets.UTF_8));
            return user.find() ? "login:" + user.group(1) : "anonymous";
        }
        return "anonymous";
    }

    private static ApiException unavailable() {
        return new ApiException(Problem.of(HttpResponseStatus.SERVICE_UNAVAILABLE, "audit-unavailable",
                "Audit trail unavailable", "the request cannot be recorded in the audit trail, so it is refused;"
                        + " retry shortly"));
    }

    private record Outcome(ApiResponse response, Throwable error) {
    }

    private int status(Outcome outcome) {
        if (outcome.response() != null) {
            return outcome.response().status().code();
        }
        Throwable error = outcome.error() instanceof CompletionException c && c.getCause() != null ? c.getCause()
                : outcome.error();
        if (error instanceof ApiException api) {
            return api.problem().status().code();
        }
        Problem translated = translator.translate(error);
        return translated == null ? 500 : translated.status().code();
    }

    private static String target(ApiRequest request) {
        StringBuilder target = new StringBuilder(request.path());
        char separator = '?';
        for (Map.Entry<String, List<String>> parameter : new java.util.TreeMap<>(request.query()).entrySet()) {
            for (String value : parameter.getValue()) {
                target.append(separator).append(parameter.getKey()).append('=').append(value);
                separator = '&';
            }
        }
        return target.toString();
    }
}
