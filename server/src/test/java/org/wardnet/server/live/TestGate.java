package org.wardnet.server.live;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.wardnet.adapters.live.LiveGate;
import org.wardnet.adapters.live.LiveRefusal;
import org.wardnet.adapters.live.LiveSource;

/**
 * The relay tests' gate: camera {@code live1} only, for a client presenting the password "ok"
 * (Basic, with any user), the bearer token "ok" or the ticket "ok"; keeps each session's end.
 */
final class TestGate implements LiveGate {

    final List<String> ends = Collections.synchronizedList(new ArrayList<>());
    private final LiveSource source;

    TestGate(LiveSource source) {
        this.source = source;
    }

    LiveSource source() {
        return source;
    }

    @Override
    public CompletableFuture<Admission> admit(Request request) {
        if (!"ok".equals(request.ticket()) && !"Bearer ok".equals(request.authorization())
                && !basicPasswordIsOk(request.authorization())) {
            return CompletableFuture.failedFuture(new LiveRefusal(401, "credentials needed"));
        }
        if (!request.stream().cameraId().equals("live1")) {
            return CompletableFuture.failedFuture(new LiveRefusal(404, "no camera " + request.stream().cameraId()));
        }
        return CompletableFuture.completedFuture(new Admission("viewer", source,
                (bytes, dropped, reason) -> ends.add(reason + " after " + bytes + " bytes, " + dropped + " dropped")));
    }

    private static boolean basicPasswordIsOk(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return false;
        }
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        return decoded.endsWith(":ok");
    }
}
