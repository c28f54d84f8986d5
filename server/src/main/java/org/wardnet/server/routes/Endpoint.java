package org.wardnet.server.routes;

import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Objects;
import org.wardnet.server.http.Router;

/**
 * One route of the API, declared once with everything that belongs to it: method and path
 * template, handler, who may call it, whether and as what it is written to the audit trail, how
 * large its body may be, and its OpenAPI operation. The router, the access guard, the audit trail,
 * the body limits and the OpenAPI document are all made from these declarations.
 *
 * @param audit the action written to the audit trail, or {@link #NOT_AUDITED}; never null, so every
 *              route decides
 */
public record Endpoint(HttpMethod method, String template, Router.Handler handler, Access access, String audit,
        Body body, Operation operation) {

    /** The audit decision of a route whose calls are not recorded. */
    public static final String NOT_AUDITED = "";

    /** How large a request body may be. */
    public enum Body {
        /** server.maxJsonBodyBytes. */
        SMALL,
        /** server.maxImportBodyBytes, whatever the media type (bulk import). */
        BULK,
        /** server.maxImportBodyBytes for an NDJSON batch; one JSON object keeps server.maxJsonBodyBytes. */
        BULK_BATCHES
    }

    /**
     * @throws IllegalStateException when the route has no access rule or no audit decision, naming
     *                               the route; such a route must not be served
     */
    public Endpoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(operation, "operation");
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("template must start with /: " + template);
        }
        String key = method.name() + " " + template;
        if (access == null) {
            throw new IllegalStateException("route without an access rule: " + key);
        }
        if (audit == null) {
            throw new IllegalStateException("route without an audit decision: " + key);
        }
        operation.requirePathParameters(template);
    }

    /** A route with a small body. */
    public static Endpoint of(HttpMethod method, String template, Router.Handler handler, Access access, String audit,
            Operation operation) {
        return new Endpoint(method, template, handler, access, audit, Body.SMALL, operation);
    }

    /** The templates of the routes among {@code endpoints} whose body limit is {@code limit}. */
    public static List<String> templates(List<Endpoint> endpoints, Body limit) {
        return endpoints.stream().filter(e -> e.body() == limit).map(Endpoint::template).toList();
    }

    /** "METHOD template", as the metrics and the audit trail name a route. */
    public String key() {
        return method.name() + " " + template;
    }

    public boolean audited() {
        return !audit.isEmpty();
    }

    public Router.Route route() {
        return new Router.Route(method, template, handler);
    }

    /** The same route answered by {@code wrapped} (a guard or the audit trail around the handler). */
    public Endpoint withHandler(Router.Handler wrapped) {
        return new Endpoint(method, template, wrapped, access, audit, body, operation);
    }

    /** The same route with another body limit. */
    public Endpoint withBody(Body limit) {
        return new Endpoint(method, template, handler, access, audit, limit, operation);
    }
}
