package org.wardnet.app.install;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.wardnet.core.install.CheckStatus;
import org.wardnet.core.install.VerificationReport;
import org.wardnet.core.install.VerifyCheck;
import org.wardnet.core.install.VerifyStep;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.Registry;

/**
 * What a verification changes in the registry: the stream URIs the camera reported become its
 * RTSP URLs (with its ONVIF credentials when it had no RTSP login), and vendor and model are filled
 * when they were unknown. Runs on the write queue; a camera deleted meanwhile is left alone.
 */
final class RegistryUpdates {

    private final Registry registry;

    RegistryUpdates(Registry registry) {
        this.registry = registry;
    }

    void apply(VerificationReport report) {
        Camera camera = registry.camera(report.cameraId()).orElse(null);
        if (camera == null || report.mainStreamUri() == null) {
            return;
        }
        String user = camera.rtsp() != null ? camera.rtsp().credentials().username()
                : camera.onvif().credentials().username();
        String password = camera.rtsp() != null ? camera.rtsp().credentials().password()
                : camera.onvif().credentials().password();
        CameraDraft.Rtsp rtsp = new CameraDraft.Rtsp(report.mainStreamUri(), report.subStreamUri(), user, password);
        String vendor = camera.vendor() != null ? camera.vendor() : report.manufacturer();
        String model = camera.model() != null ? camera.model() : report.model();
        boolean sameRtsp = camera.rtsp() != null && camera.rtsp().url().equals(rtsp.url())
                && Objects.equals(camera.rtsp().subUrl(), rtsp.subUrl());
        if (sameRtsp && Objects.equals(vendor, camera.vendor()) && Objects.equals(model, camera.model())) {
            return;
        }
        registry.replaceCamera(camera.id(), new CameraDraft(camera.id(), camera.siteId(), camera.name(),
                new CameraDraft.Location(camera.location().lat(), camera.location().lon()), camera.heading(),
                camera.mounting(), vendor, model, new CameraDraft.Onvif(camera.onvif().url(),
                        camera.onvif().credentials().username(), camera.onvif().credentials().password()), rtsp));
    }

    /** The report of a camera that cannot be verified: unknown, or registered without ONVIF. */
    static VerificationReport notVerifiable(String cameraId, boolean exists, Instant now) {
        String why = exists ? "the camera has no ONVIF endpoint" : "no camera '" + cameraId + "' is registered";
        return failed(cameraId, why, exists ? "add the camera's ONVIF URL and credentials" : "register it first", now);
    }

    /** The report of a verification that broke inside Wardnet. */
    static VerificationReport internalFailure(String cameraId, Throwable error, Instant now) {
        return failed(cameraId, "internal error: " + error, "see the server log", now);
    }

    private static VerificationReport failed(String cameraId, String detail, String advice, Instant now) {
        List<VerifyCheck> checks = new ArrayList<>();
        checks.add(new VerifyCheck(VerifyStep.REACHABLE, CheckStatus.FAIL, detail, advice, 0));
        for (VerifyStep step : VerifyStep.values()) {
            if (step != VerifyStep.REACHABLE) {
                checks.add(VerifyCheck.skipped(step, VerifyStep.REACHABLE));
            }
        }
        return new VerificationReport(cameraId, now, now, checks, null, null, null, null, null, null, null, null, 0);
    }
}
