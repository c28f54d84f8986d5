package org.wardnet.app.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.wardnet.app.access.Authenticator;
import org.wardnet.app.audit.AuditLog;
import org.wardnet.core.access.Caller;
import org.wardnet.core.access.Permission;
import org.wardnet.core.access.Principal;
import org.wardnet.core.access.SiteTree;
import org.wardnet.core.audit.AuditEntry;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.RtspEndpoint;

/**
 * Who may watch which camera live, and the record of who did. A session is admitted with a bearer
 * token (as a header, or as the password of RTSP Basic authentication, any user name), a ticket
 * from {@link #ticket}, or the recorder's own credential; the viewer needs {@code live} on the
 * camera's site, and a camera outside it is answered as missing. Each person's session start and
 * end goes into the audit trail (a session is refused when the trail cannot take its start); the
 * recorder's sessions do not, as they follow recording plans that are audited themselves.
 *
 * <p>{@link #admit} may read the store (a token not cached, the audit trail): call it off any
 * event loop. Limits: at most {@code maxSessionsPerUser} sessions per person at once; a session
 * admitted keeps running when the viewer's grants change later.
 */
public final class LiveSessions {

    /** The user name the recorder presents; no person can have it (a user name cannot hold a tilde). */
    public static final String RECORDER = "~recorder";

    private final Authenticator authenticator;
    private final Registry registry;
    private final SiteTree sites;
    private final AuditLog audit;
    private final LiveTickets tickets;
    private final int maxSessionsPerUser;
    private final byte[] recorderSecret;
    private final Clock clock;
    private final ConcurrentMap<Long, Viewing> open = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Integer> perUser = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /**
     * One admitted session.
     *
     * @param stream        the stream watched as it appears in paths: {@code cam-1}, {@code cam-1/sub},
     *                      {@code cam-1/h264} (transcoded) or {@code cam-1/sub/h264}
     * @param url           the camera stream's rtsp:// URL
     * @param username      the camera's user name ("" when none)
     * @param password      the camera's password; never shown
     */
    public record Viewing(long id, String viewer, String cameraId, boolean sub, String stream, String via,
            String remoteAddress, Instant since, String url, String username, String password) {

        boolean recorder() {
            return viewer.equals(RECORDER);
        }

        String target() {
            return "/live/" + stream + " via " + via;
        }

        @Override
        public String toString() {
            return "Viewing[" + id + ", " + viewer + ", " + target() + "]";
        }
    }

    public LiveSessions(Authenticator authenticator, Registry registry, SiteTree sites, AuditLog audit,
            LiveTickets tickets, int maxSessionsPerUser, String recorderSecret, Clock clock) {
        this.authenticator = authenticator;
        this.registry = registry;
        this.sites = sites;
        this.audit = audit;
        this.tickets = tickets;
        this.maxSessionsPerUser = maxSessionsPerUser;
        this.recorderSecret = recorderSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** A ticket for the caller (checked for {@code live} on the camera's site) to start sessions on {@code cameraId}. */
    public LiveTickets.Ticket ticket(Caller caller, String cameraId) {
        Camera camera = registry.camera(cameraId).filter(c -> caller.sees(c.siteId()))
                .orElseThrow(() -> DomainException.notFound("no camera '" + cameraId + "'"));
        if (camera.rtsp() == null) {
            throw DomainException.notFound("camera '" + cameraId + "' has no RTSP stream to watch");
        }
        return tickets.issue(caller.principal().user(), cameraId);
    }

    /**
     * Admits a session, blocking.
     *
     * @param authorization an Authorization value (Bearer, or Basic with a token as password), or null
     * @param ticket        a ticket from {@link #ticket}, or null
     * @param transcoded    whether the stream is watched transcoded to H.264
     * @throws DomainException UNAUTHENTICATED, NOT_FOUND (also for a camera outside the viewer's scope),
     *                         UNAVAILABLE (the viewer's session limit, or the audit trail not answering)
     */
    public Viewing admit(String authorization, String ticket, String cameraId, boolean sub, boolean transcoded,
            String remoteAddress, String via) {
        String viewer = viewer(authorization, ticket, cameraId);
        Camera camera = registry.camera(cameraId).orElseThrow(() -> DomainException.notFound("no camera '"
                + cameraId + "'"));
        RtspEndpoint rtsp = camera.rtsp();
        if (rtsp == null) {
            throw DomainException.notFound("camera '" + cameraId + "' has no RTSP stream to watch");
        }
        String url = sub ? rtsp.subUrl() : rtsp.url();
        if (url == null) {
            throw DomainException.notFound("camera '" + cameraId + "' has no sub stream; watch /live/" + cameraId);
        }
        String stream = cameraId + (sub ? "/sub" : "") + (transcoded ? "/h264" : "");
        Viewing viewing = new Viewing(ids.incrementAndGet(), viewer, cameraId, sub, stream, via, remoteAddress,
                clock.instant(), url, rtsp.credentials().username(), rtsp.credentials().password());
        if (!viewing.recorder()) {
            count(viewer);
            try {
                record(viewing, "live.start", viewing.target(), 200);
            } catch (RuntimeException e) {
                uncount(viewer);
                throw e;
            }
        }
        open.put(viewing.id(), viewing);
        return viewing;
    }

    /** The session is over; recorded once in the audit trail (a trail not answering is retried by nobody: logged there). */
    public void ended(Viewing viewing, long bytesSent, long droppedPictures, String reason) {
        if (open.remove(viewing.id()) == null || viewing.recorder()) {
            return;
        }
        uncount(viewing.viewer());
        long seconds = Duration.between(viewing.since(), clock.instant()).toSeconds();
        audit.record(new AuditEntry.Draft(clock.instant(), viewing.viewer(), null, viewing.remoteAddress(), "live.end",
                viewing.target() + "; " + seconds + " s, " + bytesSent + " bytes, " + droppedPictures
                        + " pictures dropped; " + reason, 200));
    }

    /** The sessions open now, oldest first. */
    public List<Viewing> open() {
        List<Viewing> sessions = new ArrayList<>(open.values());
        sessions.sort(Comparator.comparingLong(Viewing::id));
        return sessions;
    }

    private String viewer(String authorization, String ticket, String cameraId) {
        if (ticket != null) {
            LiveTickets.Holder holder = tickets.redeem(ticket).orElseThrow(() -> unauthenticated(
                    "the ticket is not valid or has expired; ask for a new one (POST /api/v1/cameras/{id}/live)"));
            if (!holder.cameraId().equals(cameraId)) {
                throw DomainException.notFound("no camera '" + cameraId + "'");
            }
            return holder.user();
        }
        String bearer = authorization;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair = basic(authorization.substring(6).strip());
            if (pair[0].equals(RECORDER)) {
                if (!MessageDigest.isEqual(pair[1].getBytes(StandardCharsets.UTF_8), recorderSecret)) {
                    throw unauthenticated("the recorder's credential is not this server's");
                }
                return RECORDER;
            }
            bearer = "Bearer " + pair[1]; // RTSP players send a password; ours is an API token
        }
        Principal principal = authenticator.lookUp(bearer);
        if (principal.mustChangePassword()) {
            throw DomainException.forbidden("change the initial password first (PUT /api/v1/me/password)");
        }
        if (registry.camera(cameraId).filter(c -> principal.scope(Permission.LIVE, sites).covers(c.siteId())).isEmpty()) {
            throw DomainException.notFound("no camera '" + cameraId + "'");
        }
        return principal.user();
    }

    private static String[] basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unauthenticated("the Basic credentials are not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw unauthenticated("the Basic credentials have no password");
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private void count(String viewer) {
        int now = perUser.merge(viewer, 1, Integer::sum);
        if (now > maxSessionsPerUser) {
            uncount(viewer);
            throw DomainException.busy("'" + viewer + "' already watches " + maxSessionsPerUser
                    + " live streams, the most allowed (live.maxSessionsPerUser)");
        }
    }

    private void uncount(String viewer) {
        perUser.computeIfPresent(viewer, (user, count) -> count <= 1 ? null : count - 1);
    }

    private void record(Viewing viewing, String action, String target, int result) {
        try {
            audit.record(new AuditEntry.Draft(clock.instant(), viewing.viewer(), null, viewing.remoteAddress(), action,
                    target, result)).join();
        } catch (CompletionException e) {
            throw DomainException.busy("the audit trail does not answer, so no live session can start; retry shortly");
        }
    }

    private static DomainException unauthenticated(String detail) {
        return new DomainException(DomainException.Kind.UNAUTHENTICATED, "invalid-credentials", "Not authenticated",
                detail);
    }
}
