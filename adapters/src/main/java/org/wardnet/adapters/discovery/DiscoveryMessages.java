package org.wardnet.adapters.discovery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wardnet.adapters.onvif.OnvifException;
import org.wardnet.adapters.onvif.SoapEnvelope;
import org.wardnet.adapters.onvif.XmlElement;
import org.wardnet.core.install.DiscoveredDevice;

/**
 * WS-Discovery (2005/04, the version ONVIF devices speak) messages: the Probe Wardnet sends and
 * the ProbeMatches devices answer, read with any prefixes. Stateless.
 */
public final class DiscoveryMessages {

    static final String DISCOVERY = "http://schemas.xmlsoap.org/ws/2005/04/discovery";
    static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    static final String NETWORK = "http://www.onvif.org/ver10/network/wsdl";

    private DiscoveryMessages() {
    }

    /** A Probe for ONVIF video transmitters. */
    public static byte[] probe(String messageId) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<s:Envelope xmlns:s=\"" + SoapEnvelope.SOAP12 + "\" xmlns:a=\"" + ADDRESSING + "\" xmlns:d=\""
                + DISCOVERY + "\" xmlns:dn=\"" + NETWORK + "\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">" + DISCOVERY + "/Probe</a:Action>"
                + "<a:MessageID>" + messageId + "</a:MessageID>"
                + "<a:To s:mustUnderstand=\"1\">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To>"
                + "</s:Header><s:Body><d:Probe><d:Types>dn:NetworkVideoTransmitter</d:Types></d:Probe></s:Body>"
                + "</s:Envelope>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** The MessageID of a message (a Probe, on the answering side); null when absent. */
    public static String messageId(XmlElement envelope) {
        return envelope.child("Header").map(h -> h.textAt("MessageID")).orElse(null);
    }

    /** Whether a parsed envelope is a Probe. */
    public static boolean isProbe(XmlElement envelope) {
        return envelope.child("Body").flatMap(b -> b.child("Probe")).isPresent();
    }

    /**
     * The matches of a ProbeMatches envelope; empty for any other message (a Hello, a Bye, another
     * client's Probe).
     *
     * @param responder host the datagram came from
     */
    public static List<DiscoveredDevice> matches(XmlElement envelope, String responder) throws OnvifException {
        List<DiscoveredDevice> found = new ArrayList<>();
        XmlElement matches = envelope.child("Body").flatMap(b -> b.child("ProbeMatches")).orElse(null);
        if (matches == null) {
            return found;
        }
        for (XmlElement match : matches.all("ProbeMatch")) {
            String endpoint = match.textAt("EndpointReference", "Address");
            List<String> xaddrs = words(match.textAt("XAddrs"));
            if (endpoint == null && xaddrs.isEmpty()) {
                continue; // nothing to tell this device apart by
            }
            found.add(new DiscoveredDevice(endpoint == null ? xaddrs.get(0) : endpoint, words(match.textAt("Types")),
                    words(match.textAt("Scopes")), xaddrs, responder));
        }
        return found;
    }

    private static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().split("\\s+")).toList();
    }
}
