package org.wardnet.server.http;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.wardnet.server.ApiTestBase;

/** Every kind of answer carries the security headers: data, problems, and event streams (files: MediaApiTest). */
class SecurityHeadersTest extends ApiTestBase {

    @Test
    void dataProblemsAndStreamsCarryThem() throws Exception {
        SecurityHeadersCheck.assertPresent(api.get("/api/v1/sites").headers(), "a JSON answer");
        SecurityHeadersCheck.assertPresent(api.get("/api/v1/no-such-thing").headers(), "a 404 problem");
        SecurityHeadersCheck.assertPresent(api.postJson("/api/v1/cases", "{").headers(), "a 400 problem");
        HttpResponse<InputStream> events = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(api.uri("/api/v1/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream ignored = events.body()) {
            SecurityHeadersCheck.assertPresent(events.headers(), "an event stream");
        }
    }
}
