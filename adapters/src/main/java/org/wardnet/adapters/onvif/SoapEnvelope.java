package org.wardnet.adapters.onvif;

import java.nio.charset.StandardCharsets;

/**
 * Writes SOAP 1.2 requests and reads SOAP replies. Replies are accepted in SOAP 1.2 or 1.1, with
 * any prefixes; the first element of the Body is the answer, a Fault in it becomes an
 * {@link OnvifException} of the fault's class.
 *
 * <p>Stateless and thread-safe.
 */
public final class SoapEnvelope {

    public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    public static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";

    private final SafeXmlReader reader;

    public SoapEnvelope(SafeXmlReader reader) {
        this.reader = reader;
    }

    /**
     * A request envelope.
     *
     * @param body  the operation element, declaring its own namespace
     * @param token WS-Security token, or null for an unauthenticated request
     */
    public static byte[] request(String body, UsernameToken token) {
        StringBuilder out = new StringBuilder(512 + body.length());
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"").append(SOAP12).append("\">");
        if (token != null) {
            out.append("<s:Header>").append(token.headerXml()).append("</s:Header>");
        }
        out.append("<s:Body>").append(body).append("</s:Body></s:Envelope>");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The first element of the reply's Body.
     *
     * @throws OnvifException of the fault's class when the Body holds a Fault; MALFORMED_XML when
     *                        the reply is XML but not a SOAP envelope with a Body
     */
    public XmlElement answer(byte[] reply) throws OnvifException {
        XmlElement envelope = envelope(reply);
        XmlElement body = envelope.child("Body").orElseThrow(
                () -> new OnvifException(OnvifError.MALFORMED_XML, "SOAP envelope without a Body"));
        if (body.children().isEmpty()) {
            throw new OnvifException(OnvifError.MALFORMED_XML, "SOAP Body is empty");
        }
        XmlElement first = body.children().get(0);
        if (first.name().equals("Fault")) {
            SoapFault fault = SoapFault.of(first);
            throw new OnvifException(fault.classify(), "SOAP fault " + fault.describe(), fault);
        }
        return first;
    }

    /** The reply's envelope, checked to be SOAP 1.2 or 1.1. */
    public XmlElement envelope(byte[] reply) throws OnvifException {
        XmlElement root = reader.read(reply);
        if (!root.name().equals("Envelope") || !(root.namespace().equals(SOAP12) || root.namespace().equals(SOAP11))) {
            throw new OnvifException(OnvifError.MALFORMED_XML, "reply is XML but not a SOAP envelope: " + root);
        }
        return root;
    }

    /** Escapes text for an XML element or attribute value. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
