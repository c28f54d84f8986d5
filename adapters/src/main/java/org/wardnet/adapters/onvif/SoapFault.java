package org.wardnet.adapters.onvif;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A SOAP fault as a device sent it: the code ({@code Sender}, {@code Receiver}), the chain of
 * subcodes ({@code ter:ActionNotSupported}, then a more specific one), and the reason text. SOAP 1.2
 * faults and the SOAP 1.1 {@code faultcode}/{@code faultstring} form older firmware sends both
 * read. Codes keep their local part only: the prefix is whatever the device chose.
 *
 * @param code     local part of the top code, such as {@code Sender}; empty when absent
 * @param subcodes local parts of the subcodes, outermost first
 * @param reason   the reason text; empty when absent
 */
public record SoapFault(String code, List<String> subcodes, String reason) {

    public SoapFault {
        subcodes = List.copyOf(subcodes);
    }

    /** Reads a {@code Fault} element of either SOAP version. */
    static SoapFault of(XmlElement fault) {
        String faultcode = fault.textAt("faultcode");
        if (faultcode != null) { // SOAP 1.1
            return new SoapFault(localPart(faultcode), List.of(), orEmpty(fault.textAt("faultstring")));
        }
        String code = fault.path("Code").map(c -> localPart(c.textAt("Value"))).orElse("");
        List<String> subcodes = new ArrayList<>();
        XmlElement at = fault.child("Code").orElse(null);
        while (at != null) {
            XmlElement sub = at.child("Subcode").orElse(null);
            if (sub != null && sub.textAt("Value") != null) {
                subcodes.add(localPart(sub.textAt("Value")));
            }
            at = sub;
        }
        String reason = fault.path("Reason", "Text").map(XmlElement::text).orElse("");
        return new SoapFault(code, subcodes, reason);
    }

    /** The error class a caller acts on, from the subcodes ONVIF defines (Core spec, 5.11.2). */
    public OnvifError classify() {
        for (String subcode : subcodes) {
            String s = subcode.toLowerCase(Locale.ROOT);
            if (s.equals("notauthorized") || s.equals("failedauthentication") || s.equals("invalidsecurity")
                    || s.equals("securitytokenunavailable") || s.equals("messageexpired")) {
                return OnvifError.NOT_AUTHORIZED;
            }
            if (s.equals("actionnotsupported") || s.equals("notsupported")) {
                return OnvifError.ACTION_NOT_SUPPORTED;
            }
            if (s.equals("invalidargval") || s.equals("invalidargs") || s.equals("invalidargument")
                    || s.equals("noprofile") || s.equals("noconfig")) {
                return OnvifError.INVALID_ARGUMENT;
            }
        }
        String r = reason.toLowerCase(Locale.ROOT);
        if (r.contains("not authorized") || r.contains("unauthorized") || r.contains("authentication")) {
            return OnvifError.NOT_AUTHORIZED;
        }
        return OnvifError.FAULT;
    }

    /** {@code Receiver/ActionNotSupported/AudioOutputNotSupported: Audio Output is not supported.} */
    public String describe() {
        StringBuilder out = new StringBuilder(code.isEmpty() ? "fault" : code);
        subcodes.forEach(s -> out.append('/').append(s));
        if (!reason.isEmpty()) {
            out.append(": ").append(reason);
        }
        return out.toString();
    }

    private static String localPart(String qname) {
        if (qname == null) {
            return "";
        }
        String trimmed = qname.strip();
        int colon = trimmed.lastIndexOf(':');
        return colon < 0 ? trimmed : trimmed.substring(colon + 1);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
