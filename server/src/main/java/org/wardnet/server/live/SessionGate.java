package org.wardnet.server.live;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.wardnet.adapters.live.LiveGate;
import org.wardnet.adapters.live.LiveRefusal;
import org.wardnet.adapters.live.LiveSource;
import org.wardnet.app.live.LiveSessions;
import org.wardnet.core.errors.DomainException;

/**
 * The relay's gate: each session admitted by {@link LiveSessions} on a small executor of its own
 * (admission may read the store), its refusals turned into RTSP statuses. A full queue refuses
 * with 503 instead of waiting.
 */
final class SessionGate implements LiveGate {

    private final LiveSessions sessions;
    private final ExecutorService admissions;

    SessionGate(LiveSessions sessions, ExecutorService admissions) {
        this.sessions = sessions;
        this.admissions = admissions;
    }

    @Override
    public CompletableFuture<Admission> admit(Request request) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    LiveSessions.Viewing viewing = sessions.admit(request.authorization(), request.ticket(),
                            request.stream().cameraId(), request.stream().sub(), request.stream().transcoded(),
                            request.remoteAddress(), request.via());
                    return new Admission(viewing.viewer(), new LiveSource(viewing.url(), viewing.username(),
                            viewing.password()), (bytes, dropped, reason) -> sessions.ended(viewing, bytes, dropped, reason));
                } catch (DomainException e) {
                    throw new LiveRefusal(status(e.kind()), e.getMessage());
                }
            }, admissions);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new LiveRefusal(503, "too many live sessions starting at once;"
                    + " retry shortly"));
        }
    }

    static int status(DomainException.Kind kind) {
        return switch (kind) {
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case UNAVAILABLE, THROTTLED -> 503;
            default -> 400;
        };
    }
}
