package org.wardnet.server.api;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Problem;

/**
 * The {@code from} and {@code to} query parameters of footage queries: ISO-8601 with an offset,
 * from before to, at most the configured width. Every problem is named at once (400).
 */
record TimeWindow(Instant from, Instant to) {

    static TimeWindow of(ApiRequest request, Duration widest) {
        List<Map<String, Object>> errors = new ArrayList<>();
        Instant from = parse(request, "from", errors);
        Instant to = parse(request, "to", errors);
        if (from != null && to != null) {
            if (!to.isAfter(from)) {
                errors.add(JsonCodec.fieldError("to", "must be after from"));
            } else if (Duration.between(from, to).compareTo(widest) > 0) {
                errors.add(JsonCodec.fieldError("to", "the window may be at most " + widest.toHours()
                        + " h (clips.maxWindowHours); ask for several windows"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(Problem.badRequest("invalid time window: " + errors.get(0).get("field") + ": "
                    + errors.get(0).get("reason")).withErrors(errors));
        }
        return new TimeWindow(from, to);
    }

    private static Instant parse(ApiRequest request, String name, List<Map<String, Object>> errors) {
        String text = request.queryParam(name);
        if (text == null || text.isBlank()) {
            errors.add(JsonCodec.fieldError(name, "required, ISO-8601 with an offset, such as 2026-11-29T14:00:00Z"));
            return null;
        }
        try {
            return IsoTimes.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(JsonCodec.fieldError(name, "not an ISO-8601 time with an offset: '" + text + "'"));
            return null;
        }
    }
}
