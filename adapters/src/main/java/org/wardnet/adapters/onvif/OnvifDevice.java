package org.wardnet.adapters.onvif;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.wardnet.adapters.auth.DigestAuthenticator;

/**
 * A conversation with one ONVIF device: its clock offset, how it wants to be authenticated, and the
 * operations Wardnet uses. Requests carry a WS-Security UsernameToken (PasswordDigest) whose
 * creation time follows the device's clock; when a device answers 401 with an HTTP Digest
 * challenge instead, the conversation switches to HTTP Digest and stays there.
 *
 * <p>Service addresses a device reports are reached at the host and port the conversation started
 * with (devices behind NAT report addresses the client cannot reach); only their paths are taken.
 *
 * <p>Requests go over one kept-alive connection; {@link #close} releases it. Not thread-safe: one
 * conversation is one sequence of requests. Cheap to create.
 */
public final class OnvifDevice implements AutoCloseable {

    /** How requests are authenticated. */
    public enum AuthMode {
        /** No credentials given. */
        NONE,
        /** WS-Security UsernameToken with PasswordDigest, in the SOAP header. */
        WS_SECURITY,
        /** HTTP Digest (or Basic, when that is all a device offers), in the Authorization header. */
        HTTP_DIGEST
    }

    private final OnvifHttpClient http;
    private final SoapEnvelope soap;
    private final URI deviceService;
    private final String username;
    private final String password;
    private final Clock clock;
    private AuthMode authMode;
    private DigestAuthenticator digest;
    private Duration clockOffset = Duration.ZERO;
    private boolean clockKnown;
    private final OnvifHttpClient.Session session;

    public OnvifDevice(OnvifHttpClient http, SoapEnvelope soap, URI deviceService, String username, String password,
            Clock clock) {
        this.http = http;
        this.soap = soap;
        this.deviceService = deviceService;
        this.username = username == null ? "" : username;
        this.password = password == null ? "" : password;
        this.clock = clock;
        this.authMode = this.username.isEmpty() ? AuthMode.NONE : AuthMode.WS_SECURITY;
        this.session = http.session(deviceService);
    }

    /** Closes the kept connection. */
    @Override
    public void close() {
        session.close();
    }

    public URI deviceService() {
        return deviceService;
    }

    public AuthMode authMode() {
        return authMode;
    }

    /** Device clock minus ours, from the last {@link #systemDateAndTime}; zero before it. */
    public Duration clockOffset() {
        return clockOffset;
    }

    /** Whether {@link #systemDateAndTime} has measured the offset. */
    public boolean clockKnown() {
        return clockKnown;
    }

    /** GetSystemDateAndTime, unauthenticated as ONVIF allows; measures the clock offset. */
    public CompletableFuture<Instant> systemDateAndTime() {
        Instant sent = clock.instant();
        byte[] request = SoapEnvelope.request("<tds:GetSystemDateAndTime xmlns:tds=\"" + OnvifReplies.DEVICE + "\"/>", null);
        return session.postSoap(deviceService, request, OnvifReplies.DEVICE + "/GetSystemDateAndTime", null)
                .thenApply(reply -> {
                    XmlElement answer = unwrap(reply);
                    Instant device = call(() -> OnvifReplies.systemDateAndTime(answer));
                    Instant received = clock.instant();
                    Instant midpoint = sent.plus(Duration.between(sent, received).dividedBy(2));
                    // The device reports whole seconds, truncated: its true time lies within the next second.
                    clockOffset = Duration.between(midpoint, device.plusMillis(500));
                    clockKnown = true;
                    return device;
                });
    }

    public CompletableFuture<DeviceInformation> deviceInformation() {
        return device("GetDeviceInformation").thenApply(OnvifReplies::deviceInformation);
    }

    public CompletableFuture<List<ServiceAddress>> capabilities() {
        return request(null, OnvifReplies.DEVICE, "GetCapabilities",
                "<tds:Category>All</tds:Category>").thenApply(OnvifReplies::capabilities);
    }

    public CompletableFuture<List<ServiceAddress>> services() {
        return request(null, OnvifReplies.DEVICE, "GetServices",
                "<tds:IncludeCapability>false</tds:IncludeCapability>").thenApply(OnvifReplies::services);
    }

    public CompletableFuture<List<String>> scopes() {
        return device("GetScopes").thenApply(OnvifReplies::scopes);
    }

    /** GetProfiles of the Media service at {@code xaddr}. */
    public CompletableFuture<List<MediaProfile>> profiles(String xaddr) {
        return request(xaddr, OnvifReplies.MEDIA, "GetProfiles", "")
                .thenApply(answer -> call(() -> OnvifReplies.profiles(answer)));
    }

    /** GetProfiles of the Media2 service at {@code xaddr} (video encoder configurations only). */
    public CompletableFuture<List<MediaProfile>> profiles2(String xaddr) {
        return request(xaddr, OnvifReplies.MEDIA2, "GetProfiles", "<tr2:Type>VideoEncoder</tr2:Type>")
                .thenApply(answer -> call(() -> OnvifReplies.profiles(answer)));
    }

    /** RTP-Unicast over RTSP stream URI of a Media profile. */
    public CompletableFuture<String> streamUri(String xaddr, String profileToken) {
        String body = "<trt:StreamSetup><tt:Stream xmlns:tt=\"http://www.onvif.org/ver10/schema\">RTP-Unicast</tt:Stream>"
                + "<tt:Transport xmlns:tt=\"http://www.onvif.org/ver10/schema\"><tt:Protocol>RTSP</tt:Protocol></tt:Transport>"
                + "</trt:StreamSetup><trt:ProfileToken>" + SoapEnvelope.escape(profileToken) + "</trt:ProfileToken>";
        return request(xaddr, OnvifReplies.MEDIA, "GetStreamUri", body)
                .thenApply(answer -> call(() -> OnvifReplies.uri(answer)));
    }

    /** RtspUnicast stream URI of a Media2 profile. */
    public CompletableFuture<String> streamUri2(String xaddr, String profileToken) {
        String body = "<tr2:Protocol>RtspUnicast</tr2:Protocol><tr2:ProfileToken>" + SoapEnvelope.escape(profileToken)
                + "</tr2:ProfileToken>";
        return request(xaddr, OnvifReplies.MEDIA2, "GetStreamUri", body)
                .thenApply(answer -> call(() -> OnvifReplies.uri(answer)));
    }

    /** Snapshot URI of a profile, from Media or, with {@code media2}, Media2. */
    public CompletableFuture<String> snapshotUri(String xaddr, String profileToken, boolean media2) {
        String prefix = media2 ? "tr2" : "trt";
        return request(xaddr, media2 ? OnvifReplies.MEDIA2 : OnvifReplies.MEDIA, "GetSnapshotUri",
                "<" + prefix + ":ProfileToken>" + SoapEnvelope.escape(profileToken) + "</" + prefix + ":ProfileToken>")
                .thenApply(answer -> call(() -> OnvifReplies.uri(answer)));
    }

    /**
     * GETs a snapshot: HTTP Digest or Basic when challenged (snapshot URIs take HTTP authentication,
     * not WS-Security). Completes with the reply; the caller checks status and content type.
     */
    public CompletableFuture<HttpReply> snapshot(String snapshotUri) {
        URI uri;
        try {
            uri = new URI(snapshotUri.strip());
        } catch (URISyntaxException e) {
            return CompletableFuture.failedFuture(new OnvifException(OnvifError.MALFORMED_XML,
                    "unusable snapshot URI: " + snapshotUri));
        }
        String authorization = digest != null && digest.ready() ? digest.authorization("GET", target(uri)) : null;
        boolean same = session.serves(uri);
        return (same ? session.get(uri, authorization) : http.get(uri, authorization)).thenCompose(reply -> {
            if (reply.status() == 401 && !username.isEmpty() && authorization == null && challenge(reply)) {
                String answer = digest.authorization("GET", target(uri));
                return same ? session.get(uri, answer) : http.get(uri, answer);
            }
            return CompletableFuture.completedFuture(reply);
        });
    }

    private CompletableFuture<XmlElement> device(String operation) {
        return request(null, OnvifReplies.DEVICE, operation, "");
    }

    /** Sends an operation of the service with namespace {@code ns}, authenticated as the mode says. */
    private CompletableFuture<XmlElement> request(String reported, String ns, String operation, String inner) {
        URI xaddr;
        try {
            xaddr = reported == null ? deviceService : local(reported);
        } catch (OnvifException e) {
            return CompletableFuture.failedFuture(e);
        }
        String prefix = ns.equals(OnvifReplies.MEDIA2) ? "tr2" : ns.equals(OnvifReplies.MEDIA) ? "trt" : "tds";
        String body = inner.isEmpty()
                ? "<" + prefix + ":" + operation + " xmlns:" + prefix + "=\"" + ns + "\"/>"
                : "<" + prefix + ":" + operation + " xmlns:" + prefix + "=\"" + ns + "\">" + inner + "</" + prefix + ":"
                        + operation + ">";
        String action = ns + "/" + operation;
        return send(xaddr, body, action).thenCompose(reply -> {
            if (reply.status() == 401 && authMode == AuthMode.WS_SECURITY && challenge(reply)) {
                authMode = AuthMode.HTTP_DIGEST; // the device wants HTTP authentication instead
                return send(xaddr, body, action);
            }
            return CompletableFuture.completedFuture(reply);
        }).thenApply(this::unwrap);
    }

    private CompletableFuture<HttpReply> send(URI xaddr, String body, String action) {
        UsernameToken token = authMode == AuthMode.WS_SECURITY
                ? UsernameToken.create(username, password, clock.instant().plus(clockOffset))
                : null;
        String authorization = authMode == AuthMode.HTTP_DIGEST && digest != null
                ? digest.authorization("POST", target(xaddr))
                : null;
        return session.postSoap(xaddr, SoapEnvelope.request(body, token), action, authorization);
    }

    private boolean challenge(HttpReply reply) {
        if (!(reply.offersDigest() || reply.offersBasic())) {
            return false;
        }
        if (digest == null) {
            digest = new DigestAuthenticator(username, password);
        }
        return digest.challenge(reply.wwwAuthenticate());
    }

    /** The answer inside a reply, or the failure it stands for. */
    private XmlElement unwrap(HttpReply reply) {
        return call(() -> {
            if (reply.looksLikeHtml()) {
                throw new OnvifException(OnvifError.NOT_SOAP, "HTTP " + reply.status() + " with an HTML page instead of SOAP");
            }
            if (!reply.looksLikeXml()) {
                if (reply.status() == 401 || reply.status() == 403) {
                    throw new OnvifException(OnvifError.NOT_AUTHORIZED, "HTTP " + reply.status() + ": credentials refused");
                }
                throw new OnvifException(reply.status() >= 300 ? OnvifError.HTTP_STATUS : OnvifError.NOT_SOAP,
                        "HTTP " + reply.status() + " with a " + (reply.body().length == 0 ? "empty body" : "non-XML body"));
            }
            XmlElement answer = soap.answer(reply.body()); // a fault throws here, whatever the status
            if (reply.status() >= 300) {
                throw new OnvifException(reply.status() == 401 || reply.status() == 403 ? OnvifError.NOT_AUTHORIZED
                        : OnvifError.HTTP_STATUS, "HTTP " + reply.status() + " with a SOAP body that is not a fault");
            }
            return answer;
        });
    }

    /** The xaddr's path and query at this conversation's host and port. */
    URI local(String xaddr) throws OnvifException {
        try {
            URI reported = new URI(xaddr.strip());
            return new URI(deviceService.getScheme(), null, deviceService.getHost(), deviceService.getPort(),
                    reported.getPath(), reported.getQuery(), null);
        } catch (URISyntaxException | NullPointerException e) {
            throw new OnvifException(OnvifError.MALFORMED_XML, "unusable service address: " + xaddr);
        }
    }

    /** Picks the address of a service from GetServices (or GetCapabilities) entries. */
    public static Optional<String> xaddrOf(List<ServiceAddress> services, String namespace) {
        return services.stream().filter(s -> s.namespace().equals(namespace)).map(ServiceAddress::xaddr).findFirst();
    }

    private static String target(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** A parsing step whose checked failure travels through the future. */
    private interface Step<T> {
        T run() throws OnvifException;
    }

    private static <T> T call(Step<T> step) {
        try {
            return step.run();
        } catch (OnvifException e) {
            throw new CompletionException(e);
        }
    }
}
