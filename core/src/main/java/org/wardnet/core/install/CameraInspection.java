package org.wardnet.core.install;

import java.util.concurrent.CompletableFuture;

/** Runs the installer's checklist against one ONVIF device: reachability, profiles, streams, snapshot. */
public interface CameraInspection {

    /**
     * Inspects the device at {@code deviceService}. Completes with a report whatever the device
     * does; a failed step is in the report, not an exceptional completion.
     */
    CompletableFuture<Inspection> inspect(String cameraId, String deviceService, String username, String password);
}
