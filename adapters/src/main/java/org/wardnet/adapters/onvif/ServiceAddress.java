package org.wardnet.adapters.onvif;

/**
 * One entry of GetServices (or a capability of GetCapabilities): where a service answers.
 *
 * @param namespace the service's WSDL namespace, such as {@link OnvifReplies#MEDIA2}
 * @param xaddr     its URL, as the device reported it
 * @param version   {@code major.minor}, empty when not reported
 */
public record ServiceAddress(String namespace, String xaddr, String version) {
}
