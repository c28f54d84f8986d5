package org.wardnet.core.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * A registered camera. Built by {@link CameraDraft#validate}; at least one of {@code onvif} and
 * {@code rtsp} is present.
 *
 * @param id        unique among cameras ({@link Ids}); GB/T 28181 20-digit codes fit
 * @param siteId    the site it belongs to, of any tier
 * @param name      display name, 1 to 200 characters
 * @param location  where it is mounted
 * @param heading   compass bearing it faces, degrees clockwise from north in [0, 360); null if unknown
 * @param mounting  free-text notes on the mounting (height, pole, indoor); null if none
 * @param vendor    manufacturer; null if unknown
 * @param model     model name; null if unknown
 * @param onvif     ONVIF device service; null for plain RTSP sources
 * @param rtsp      RTSP streams; null when they are to be learned over ONVIF
 * @param createdAt when it was first stored
 * @param updatedAt when it was last changed
 */
public record Camera(String id, String siteId, String name, GeoPoint location, Double heading, String mounting,
        String vendor, String model, OnvifEndpoint onvif, RtspEndpoint rtsp, Instant createdAt, Instant updatedAt) {

    public Camera {
        Ids.require(id, "camera id");
        Ids.require(siteId, "site id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (onvif == null && rtsp == null) {
            throw new IllegalArgumentException("camera " + id + " needs an ONVIF endpoint or an RTSP URL");
        }
        if (heading != null && !(heading >= 0 && heading < 360)) {
            throw new IllegalArgumentException("heading must be within [0, 360): " + heading);
        }
    }

    /** A copy with other timestamps. */
    public Camera withTimes(Instant created, Instant updated) {
        return new Camera(id, siteId, name, location, heading, mounting, vendor, model, onvif, rtsp, created, updated);
    }

    /** True when everything but the timestamps is equal (re-importing the same row changes nothing). */
    public boolean sameContentAs(Camera other) {
        return withTimes(Instant.EPOCH, Instant.EPOCH).equals(other.withTimes(Instant.EPOCH, Instant.EPOCH));
    }
}
