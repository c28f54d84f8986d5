package org.wardnet.server.http;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Maps method and path to a handler. Templates are literal segments and {@code {name}}
 * parameters; a literal beats a parameter. A last segment {@code {name+}} takes the rest of the
 * path (one or more segments, joined by '/'), for trees of files; a fixed-length template beats it. A path no route knows is 404; a known path with another
 * method is 405 with {@code Allow}. Routes are fixed at construction time, so matching is lock-free.
 */
public final class Router {

    /** A request handler; reads answer with a completed future, blocking work completes later. */
    @FunctionalInterface
    public interface Handler {
        CompletableFuture<ApiResponse> handle(ApiRequest request);
    }

    /** One route: method, template (also the metrics label) and handler. */
    public record Route(HttpMethod method, String template, Handler handler) {
        public Route {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(handler, "handler");
            if (!template.startsWith("/")) {
                throw new IllegalArgumentException("template must start with /: " + template);
            }
        }

        /** "METHOD template", as the access rules and the audit decisions name a route. */
        public String key() {
            return method.name() + " " + template;
        }
    }

    /** A route with its template split once, at construction, not per request. */
    private record Compiled(Route route, String[] segments, boolean[] parameter, boolean tail) {
        static Compiled of(Route route) {
            List<String> parts = segmentsOf(route.template());
            String[] segments = new String[parts.size()];
            boolean[] parameter = new boolean[parts.size()];
            boolean tail = false;
            for (int i = 0; i < segments.length; i++) {
                String part = parts.get(i);
                parameter[i] = part.startsWith("{") && part.endsWith("}");
                segments[i] = parameter[i] ? part.substring(1, part.length() - 1) : part;
                if (parameter[i] && segments[i].endsWith("+")) {
                    if (i != segments.length - 1) {
                        throw new IllegalArgumentException("only the last segment may take the rest of the path: "
                                + route.template());
                    }
                    segments[i] = segments[i].substring(0, segments[i].length() - 1);
                    tail = true;
                }
            }
            return new Compiled(route, segments, parameter, tail);
        }
    }

    /** A resolved request: the route (null when none) and the request with its path parameters. */
    public record Match(Route route, ApiRequest request) {
    }

    private final List<Route> routes;
    private final List<Compiled> compiled;

    public Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
        this.compiled = this.routes.stream().map(Compiled::of).toList();
        Set<String> seen = new LinkedHashSet<>();
        for (Route route : routes) {
            if (!seen.add(route.method() + " " + route.template())) {
                throw new IllegalArgumentException("route declared twice: " + route.method() + " " + route.template());
            }
        }
    }

    public List<Route> routes() {
        return routes;
    }

    /** Finds the route for {@code request}, or throws a 404 or 405 {@link ApiException}. */
    public Match match(ApiRequest request) {
        refuseControlCharacters(request.path());
        List<String> path = segmentsOf(request.path());
        Compiled best = null;
        int bestLiterals = -1;
        Set<String> allowed = new LinkedHashSet<>();
        for (Compiled candidate : compiled) {
            int literals = literalsMatched(candidate, path);
            if (literals < 0) {
                continue;
            }
            if (!candidate.route().method().equals(request.method())) {
                allowed.add(candidate.route().method().name());
                continue;
            }
            if (candidate.tail() && best != null && !best.tail()) {
                continue;
            }
            if (literals > bestLiterals || best != null && best.tail() && !candidate.tail()) {
                best = candidate;
                bestLiterals = literals;
            }
        }
        if (best != null) {
            return new Match(best.route(), request.withPathParams(parameters(best, path)));
        }
        if (!allowed.isEmpty()) {
            if (request.method().equals(HttpMethod.HEAD) && allowed.contains("GET")) {
                allowed.add("HEAD");
            }
            Problem problem = Problem.of(HttpResponseStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                    "Method not allowed", request.method() + " is not allowed on " + request.path()
                            + "; allowed: " + String.join(", ", allowed))
                    .withExtension("allow", new ArrayList<>(allowed));
            throw new ApiException(problem);
        }
        throw new ApiException(Problem.of(HttpResponseStatus.NOT_FOUND, "not-found", "Not found",
                "no resource at " + request.path() + "; the API is described at /api/v1/openapi.json"));
    }

    /** Number of literal segments matched, or -1 when the template does not fit the path. */
    private static int literalsMatched(Compiled route, List<String> path) {
        if (route.tail() ? path.size() < route.segments().length : route.segments().length != path.size()) {
            return -1;
        }
        int literals = 0;
        for (int i = 0; i < route.segments().length; i++) {
            if (route.parameter()[i]) {
                continue;
            }
            if (!route.segments()[i].equals(path.get(i))) {
                return -1;
            }
            literals++;
        }
        return literals;
    }

    /**
     * No id, name or file Wardnet serves holds a control character; a decoded path with one (a
     * percent-encoded NUL, say) is refused here, before any store is asked about it (PostgreSQL
     * cannot even take a NUL as a query parameter).
     */
    private static void refuseControlCharacters(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw new ApiException(Problem.of(HttpResponseStatus.BAD_REQUEST, "invalid-path", "Invalid path",
                        "the path holds a control character (U+" + String.format("%04X", (int) c) + ")"));
            }
        }
    }

    private static Map<String, String> parameters(Compiled route, List<String> path) {
        Map<String, String> params = new LinkedHashMap<>(4);
        int last = route.segments().length - 1;
        for (int i = 0; i <= last; i++) {
            if (route.parameter()[i]) {
                params.put(route.segments()[i], route.tail() && i == last
                        ? String.join("/", path.subList(i, path.size())) : path.get(i));
            }
        }
        return params;
    }

    private static List<String> segmentsOf(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }
}
