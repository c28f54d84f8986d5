package org.wardnet.simulator.onvif;

import io.netty.channel.ChannelHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.wardnet.adapters.onvif.SafeXmlReader;
import org.wardnet.simulator.camera.SimulatedCamera;

/**
 * The ONVIF side shared by all cameras of a simulated district: the snapshot JPEG, each camera's
 * replay guard, the request parser and counters for tests and the admin endpoint.
 *
 * <p>Thread-safe.
 */
public final class SimulatedOnvif {

    private final byte[] snapshot;
    private final SafeXmlReader reader = new SafeXmlReader(256 * 1024);
    private final Map<String, ReplayGuard> guards = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final Map<ReplayGuard.Refusal, AtomicLong> refusals = new EnumMap<>(ReplayGuard.Refusal.class);

    private SimulatedOnvif(byte[] snapshot) {
        this.snapshot = snapshot;
        for (ReplayGuard.Refusal refusal : ReplayGuard.Refusal.values()) {
            refusals.put(refusal, new AtomicLong());
        }
    }

    /** With the shipped 640x360 JPEG as every camera's snapshot. */
    public static SimulatedOnvif shipped() {
        try (InputStream in = SimulatedOnvif.class.getResourceAsStream("/clip/snapshot-640x360.jpg")) {
            if (in == null) {
                throw new IllegalStateException("the simulator's snapshot JPEG is missing from its jar");
            }
            return new SimulatedOnvif(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the simulator's snapshot JPEG", e);
        }
    }

    /** A new handler for one HTTP connection to {@code camera}. */
    public ChannelHandler handler(SimulatedCamera camera) {
        return new SimulatedOnvifHandler(camera, this);
    }

    byte[] snapshotJpeg() {
        return snapshot;
    }

    SafeXmlReader reader() {
        return reader;
    }

    ReplayGuard guard(String cameraId) {
        return guards.computeIfAbsent(cameraId, id -> new ReplayGuard());
    }

    void countRequest() {
        requests.incrementAndGet();
    }

    void countRefusal(ReplayGuard.Refusal refusal) {
        refusals.get(refusal).incrementAndGet();
    }

    /** ONVIF HTTP requests answered or refused so far. */
    public long requests() {
        return requests.get();
    }

    /** UsernameTokens refused so far, by reason name (STALE, REPLAYED, WRONG_DIGEST...). */
    public long refusals(String reason) {
        return refusals.get(ReplayGuard.Refusal.valueOf(reason)).get();
    }
}
