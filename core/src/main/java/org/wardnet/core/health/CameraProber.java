package org.wardnet.core.health;

import java.util.concurrent.CompletableFuture;
import org.wardnet.core.registry.Camera;

/** Probes one camera (implemented in adapters over RTSP). The future never fails: failures are outcomes. */
@FunctionalInterface
public interface CameraProber {
    CompletableFuture<ProbeOutcome> probe(Camera camera, ProbeDepth depth);
}
