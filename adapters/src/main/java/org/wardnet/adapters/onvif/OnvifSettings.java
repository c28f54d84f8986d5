package org.wardnet.adapters.onvif;

/**
 * Limits of ONVIF exchanges.
 *
 * @param connectTimeoutMillis TCP connect bound
 * @param replyTimeoutMillis   bound from sending a request to the complete reply
 * @param maxResponseBytes     largest reply body accepted (SOAP or snapshot); larger is {@link OnvifError#TOO_LARGE}
 */
public record OnvifSettings(int connectTimeoutMillis, int replyTimeoutMillis, int maxResponseBytes) {

    public OnvifSettings {
        if (connectTimeoutMillis <= 0 || replyTimeoutMillis <= 0 || maxResponseBytes <= 0) {
            throw new IllegalArgumentException("ONVIF limits must be positive");
        }
    }

    /** 3 s to connect, 8 s for a reply, 2 MiB per reply. */
    public static OnvifSettings defaults() {
        return new OnvifSettings(3_000, 8_000, 2 * 1024 * 1024);
    }
}
