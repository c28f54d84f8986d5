package org.wardnet.adapters.onvif;

/** GetDeviceInformation's answer; absent fields are empty strings, never null. */
public record DeviceInformation(String manufacturer, String model, String firmwareVersion, String serialNumber,
        String hardwareId) {
}
