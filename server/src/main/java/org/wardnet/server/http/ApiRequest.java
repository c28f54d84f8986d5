package org.wardnet.server.http;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wardnet.core.access.AccessScope;
import org.wardnet.core.access.Caller;
import org.wardnet.core.access.Principal;

/**
 * One complete HTTP request, body included, detached from Netty's buffers (the body is a plain
 * array, so handlers cannot leak pooled memory).
 *
 * @param method     request method
 * @param path       decoded path without the query
 * @param query      decoded query parameters
 * @param headers    request headers
 * @param body       the body; empty when there is none
 * @param pathParams values of the route's {@code {name}} segments; filled by the {@link Router}
 * @param peer       the connection's remote end (not any forwarded header); null when unknown
 * @param principal  the authenticated caller; null on public routes
 * @param scope      where the caller's grant for this route's permission applies; null on routes
 *                   that need no permission
 */
public record ApiRequest(HttpMethod method, String path, Map<String, List<String>> query, HttpHeaders headers,
        byte[] body, Map<String, String> pathParams, SocketAddress peer,
        Principal principal, AccessScope scope) {

    /** A request as read off the wire, before routing and authentication. */
    public ApiRequest(HttpMethod method, String path, Map<String, List<String>> query, HttpHeaders headers,
            byte[] body, Map<String, String> pathParams, SocketAddress peer) {
        this(method, path, query, headers, body, pathParams, peer, null, null);
    }

    /**
     * Where this route's permission applies for the caller.
     *
     * @throws IllegalStateException on a route whose access rule names no permission: a handler
     *                               that filters by scope must be declared with one
     */
    public AccessScope requireScope() {
        if (scope == null) {
            throw new IllegalStateException(method + " " + path + " has no permission-scoped access rule");
        }
        return scope;
    }

    /** The same request as seen by an authenticated caller. */
    /**
     * The caller as the use cases take it: who, and where this route's permission applies.
     *
     * @throws IllegalStateException on a route without a permission-scoped rule (a programming error)
     */
    public Caller caller() {
        return new Caller(principal, requireScope());
    }

    public ApiRequest withCaller(Principal caller, AccessScope where) {
        return new ApiRequest(method, path, query, headers, body, pathParams, peer, caller, where);
    }

    /** The peer's IP address as text; formatted once per connection ({@link ConnectionPeer}). */
    public String remoteAddress() {
        if (peer instanceof ConnectionPeer known) {
            return known.text();
        }
        return peer instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(peer);
    }

    /** The single value of query parameter {@code name}, or null; a repeated parameter is a 400. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new ApiException(Problem.badRequest("query parameter '" + name + "' is given "
                    + values.size() + " times; give it once"));
        }
        return values.get(0);
    }

    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no parameter " + name);
        }
        return value;
    }

    /** The media type of the body, lower case, without parameters; "" when absent. */
    public String mediaType() {
        String contentType = headers.get("Content-Type");
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
                .toLowerCase(Locale.ROOT);
    }

    /** The {@code charset} parameter of Content-Type, lower case, or null. */
    public String charset() {
        String contentType = headers.get("Content-Type");
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.startsWith("charset=")) {
                return p.substring("charset=".length()).replace("\"", "");
            }
        }
        return null;
    }

    ApiRequest withPathParams(Map<String, String> params) {
        return new ApiRequest(method, path, query, headers, body, Map.copyOf(params), peer, principal, scope);
    }
}
