package org.wardnet.server.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;

/** A 200 or the body that says why not. */
final class HttpResponseCheck {

    private HttpResponseCheck() {
    }

    static void ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
    }
}
