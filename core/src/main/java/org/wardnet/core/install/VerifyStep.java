package org.wardnet.core.install;

/**
 * The steps of verifying a camera, in the order they run, each with what it proves. A step that
 * fails skips the steps that depend on it.
 */
public enum VerifyStep {
    /** The ONVIF device service answers GetSystemDateAndTime. */
    REACHABLE("the device service answers"),
    /** The device's clock is within the configured bound of ours. */
    CLOCK("the device clock is close to ours"),
    /** An authenticated request (GetDeviceInformation) is accepted. */
    AUTHENTICATED("the credentials are accepted"),
    /** Manufacturer, model, firmware and serial number were read. */
    DEVICE_INFORMATION("the device says what it is"),
    /** The media service (Media2 preferred, else Media) was found. */
    MEDIA_SERVICE("a media service is offered"),
    /** At least one profile with video. */
    PROFILES("the device has video profiles"),
    /** The main stream's URI. */
    MAIN_STREAM_URI("the main stream URI is known"),
    /** The sub stream's URI (a warning when the device has only one video profile). */
    SUB_STREAM_URI("the sub stream URI is known"),
    /** RTSP DESCRIBE of the main stream: codec and resolution. */
    MAIN_STREAM_DESCRIBE("the main stream plays (RTSP DESCRIBE)"),
    /** RTSP DESCRIBE of the sub stream. */
    SUB_STREAM_DESCRIBE("the sub stream plays (RTSP DESCRIBE)"),
    /** A snapshot JPEG was fetched. */
    SNAPSHOT("a snapshot was fetched");

    private final String proves;

    VerifyStep(String proves) {
        this.proves = proves;
    }

    /** What a pass of the step proves, for the checklist. */
    public String proves() {
        return proves;
    }
}
