package org.wardnet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;

/** Checks that a response is an RFC 9457 problem with the expected status and detail. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    public static JsonNode assertProblem(HttpResponse<String> response, int status, String detailContains)
            throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(""),
                response.body());
        JsonNode problem = TestServer.json(response);
        assertEquals(status, problem.get("status").asInt());
        assertTrue(problem.get("type").asText().startsWith("urn:wardnet:problem:"), response.body());
        assertTrue(problem.hasNonNull("title"), response.body());
        assertTrue(problem.get("detail").asText().contains(detailContains),
                "detail should contain '" + detailContains + "': " + response.body());
        return problem;
    }
}
