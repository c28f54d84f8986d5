package org.wardnet.adapters.onvif;

import java.util.Objects;

/**
 * A failed ONVIF exchange: its {@link OnvifError} class, a message with the detail, and the SOAP
 * fault when the device sent one. Checked, so that every caller decides what a failure means.
 */
public final class OnvifException extends Exception {

    private final OnvifError error;
    private final transient SoapFault fault;

    public OnvifException(OnvifError error, String message) {
        this(error, message, null);
    }

    public OnvifException(OnvifError error, String message, SoapFault fault) {
        super(message, null, false, false);
        this.error = Objects.requireNonNull(error, "error");
        this.fault = fault;
    }

    public OnvifError error() {
        return error;
    }

    /** The device's SOAP fault, or null when it sent none. */
    public SoapFault fault() {
        return fault;
    }
}
