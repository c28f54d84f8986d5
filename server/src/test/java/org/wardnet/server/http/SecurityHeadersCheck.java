package org.wardnet.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpHeaders;

/** The security headers every answer must carry. */
public final class SecurityHeadersCheck {

    private SecurityHeadersCheck() {
    }

    public static void assertPresent(HttpHeaders headers, String what) {
        assertEquals("nosniff", headers.firstValue("x-content-type-options").orElse(null), what);
        assertEquals("DENY", headers.firstValue("x-frame-options").orElse(null), what);
        assertEquals("no-referrer", headers.firstValue("referrer-policy").orElse(null), what);
        assertEquals("default-src 'none'; frame-ancestors 'none'",
                headers.firstValue("content-security-policy").orElse(null), what);
        assertEquals("no-store", headers.firstValue("cache-control").orElse(null), what);
    }
}
