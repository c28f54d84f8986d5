package org.wardnet.simulator.camera;

/**
 * The ways real devices differ on the wire, as the captures show: the SOAP prefix they write,
 * whether they offer Media2 and Media, and whether they take WS-Security or only HTTP Digest.
 */
public enum OnvifVariant {
    /** Media and Media2, WS-Security; {@code env:} prefixes (Hikvision-like). */
    STANDARD("env", true, true, false),
    /** Media only, WS-Security; {@code SOAP-ENV:} prefixes (Axis, Bosch, Pelco-like, gSOAP firmware). */
    MEDIA1_ONLY("SOAP-ENV", true, false, false),
    /** Media2 only, WS-Security; {@code s:} prefixes (recent Profile T devices). */
    MEDIA2_ONLY("s", false, true, false),
    /** Media only; refuses WS-Security and asks for HTTP Digest instead. */
    HTTP_DIGEST("SOAP-ENV", true, false, true);

    private final String prefix;
    private final boolean media;
    private final boolean media2;
    private final boolean httpDigest;

    OnvifVariant(String prefix, boolean media, boolean media2, boolean httpDigest) {
        this.prefix = prefix;
        this.media = media;
        this.media2 = media2;
        this.httpDigest = httpDigest;
    }

    public String prefix() {
        return prefix;
    }

    public boolean media() {
        return media;
    }

    public boolean media2() {
        return media2;
    }

    public boolean httpDigest() {
        return httpDigest;
    }

    /** The variant a make's firmware is modelled on. */
    public static OnvifVariant forVendor(String vendor) {
        if (vendor == null) {
            return STANDARD;
        }
        return switch (vendor) {
            case "Axis", "Bosch" -> MEDIA1_ONLY;
            case "Dahua" -> HTTP_DIGEST;
            case "Uniview" -> MEDIA2_ONLY;
            default -> STANDARD;
        };
    }
}
