package org.wardnet.server.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * The headers every answer carries, whatever its kind: nothing sniffed, framed, cached or sent on
 * as a referrer, and no content allowed to load anything (the API serves data, not pages).
 * Footage in particular must not linger in a shared cache. Over HTTPS, browsers are also told to
 * use nothing else for this host for a year ({@code Strict-Transport-Security}). The console's
 * files replace the policy and the caching with their own (their answers' headers come last).
 */
final class SecurityHeaders {

    private SecurityHeaders() {
    }

    /** One year, as browsers' preload lists expect. */
    static final String STRICT_TRANSPORT = "max-age=31536000";

    static void apply(HttpHeaders headers, boolean secure) {
        if (secure) {
            headers.set("Strict-Transport-Security", STRICT_TRANSPORT);
        }
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        headers.set(HttpHeaderNames.CACHE_CONTROL, "no-store");
    }
}
