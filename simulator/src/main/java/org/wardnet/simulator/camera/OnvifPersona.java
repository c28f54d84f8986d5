package org.wardnet.simulator.camera;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What a simulated camera's ONVIF side reports about itself.
 *
 * @param endpoint WS-Discovery endpoint reference ({@code urn:uuid:...}), stable per camera id
 * @param vendor   manufacturer
 * @param model    model
 * @param firmware firmware version
 * @param serial   serial number
 * @param name     the name scope (URL-safe)
 * @param location the location scope (URL-safe); may be empty
 * @param variant  the wire variant it mimics
 */
public record OnvifPersona(String endpoint, String vendor, String model, String firmware, String serial, String name,
        String location, OnvifVariant variant) {

    /** A persona for a camera of a given make; ids and serials derive from the camera id. */
    public static OnvifPersona of(String cameraId, String vendor, String model, String location) {
        String make = vendor == null ? "Hikvision" : vendor;
        String type = model == null ? "IPC" : model;
        return new OnvifPersona(endpointOf(cameraId), make, type, "5.7.3 build 230101",
                "SN" + cameraId, cameraId, location == null ? "" : location, OnvifVariant.forVendor(make));
    }

    public static OnvifPersona generic(String cameraId, String host) {
        return of(cameraId, "Hikvision", "DS-2CD2T47G2-L", "");
    }

    public OnvifPersona withVariant(OnvifVariant other) {
        return new OnvifPersona(endpoint, vendor, model, firmware, serial, name, location, other);
    }

    public static String endpointOf(String cameraId) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("wardnet-sim:" + cameraId).getBytes(StandardCharsets.UTF_8));
    }
}
