package org.wardnet.simulator.camera;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One simulated camera: where it listens, the stream paths it serves, the credentials it accepts
 * and its current fault. Faults may change while it runs (volatile); everything else is fixed.
 */
public final class SimulatedCamera {

    private final String id;
    private final String host;
    private final int port;
    private final Set<String> paths;
    private final String username;
    private final String password;
    private volatile CameraFault fault = CameraFault.NONE;
    private volatile int latencyMillis = 1_500;
    private volatile int clockSkewSeconds;
    private volatile OnvifPersona persona;
    private final java.util.concurrent.atomic.AtomicInteger streamsPlaying = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger streamsStarted = new java.util.concurrent.atomic.AtomicInteger();

    public SimulatedCamera(String id, String host, int port, Set<String> paths, String username, String password) {
        this.id = Objects.requireNonNull(id, "id");
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.paths = Collections.unmodifiableSet(new LinkedHashSet<>(paths));
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
    }

    /** The camera a registered RTSP URL describes, listening on {@code port} instead of the URL's. */
    public static SimulatedCamera of(String id, String mainUrl, String subUrl, String username, String password,
            int port) {
        URI main = URI.create(mainUrl);
        Set<String> paths = new LinkedHashSet<>();
        paths.add(pathOf(main));
        if (subUrl != null) {
            paths.add(pathOf(URI.create(subUrl)));
        }
        return new SimulatedCamera(id, main.getHost(), port, paths, username, password);
    }

    /** Path and query, as clients send them in the request line. */
    public static String pathOf(URI uri) {
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    public String id() {
        return id;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** Stream paths, main stream first. */
    public Set<String> paths() {
        return paths;
    }

    public String username() {
        return username;
    }

    /** The password it accepts: under {@link CameraFault#WRONG_CREDENTIALS}, not the registered one. */
    public String acceptedPassword() {
        return fault == CameraFault.WRONG_CREDENTIALS ? password + "-changed" : password;
    }

    public CameraFault fault() {
        return fault;
    }

    public void fault(CameraFault value) {
        this.fault = Objects.requireNonNull(value, "fault");
    }

    public int latencyMillis() {
        return latencyMillis;
    }

    public void latencyMillis(int value) {
        this.latencyMillis = value;
    }

    /** What its ONVIF side says it is; a generic Hikvision-like device until set. */
    public OnvifPersona persona() {
        OnvifPersona p = persona;
        return p != null ? p : OnvifPersona.generic(id, host);
    }

    public void persona(OnvifPersona value) {
        this.persona = Objects.requireNonNull(value, "persona");
    }

    public int clockSkewSeconds() {
        return clockSkewSeconds;
    }

    public void clockSkewSeconds(int value) {
        this.clockSkewSeconds = value;
    }

    /** A client started playing one of this camera's streams (PLAY answered, media flowing). */
    public void streamStarted() {
        streamsStarted.incrementAndGet();
        streamsPlaying.incrementAndGet();
    }

    /** A playing client's connection ended. */
    public void streamStopped() {
        streamsPlaying.decrementAndGet();
    }

    /** Streams being played now, one per client connection: what a relay in front of the camera is judged by. */
    public int streamsPlaying() {
        return streamsPlaying.get();
    }

    /** Streams started since the camera was made. */
    public int streamsStarted() {
        return streamsStarted.get();
    }
}
