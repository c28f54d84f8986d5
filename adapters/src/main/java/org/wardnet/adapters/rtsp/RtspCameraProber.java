package org.wardnet.adapters.rtsp;

import java.util.concurrent.CompletableFuture;
import org.wardnet.core.health.CameraProber;
import org.wardnet.core.health.ProbeDepth;
import org.wardnet.core.health.ProbeErrorClass;
import org.wardnet.core.health.ProbeOutcome;
import org.wardnet.core.registry.Camera;

/**
 * Probes a registered camera's main RTSP stream with its registered credentials. A camera with
 * only an ONVIF endpoint has no stream URL yet: its probe fails as NOT_FOUND until its streams are
 * resolved over ONVIF.
 */
public final class RtspCameraProber implements CameraProber {

    private final RtspProber prober;

    public RtspCameraProber(RtspProber prober) {
        this.prober = prober;
    }

    @Override
    public CompletableFuture<ProbeOutcome> probe(Camera camera, ProbeDepth depth) {
        if (camera.rtsp() == null) {
            return CompletableFuture.completedFuture(ProbeOutcome.failed(0, ProbeErrorClass.NOT_FOUND,
                    "no RTSP URL registered (ONVIF-only camera)"));
        }
        return prober.probe(camera.rtsp().url(), camera.rtsp().credentials().username(),
                camera.rtsp().credentials().password(), depth);
    }
}
