package org.wardnet.simulator.camera;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A simulated camera's HTTP Digest check (RFC 2617, MD5, with or without {@code qop=auth}), shared
 * by its RTSP and HTTP sides as real cameras share one user database. Nonces last 5 minutes per
 * camera, so clients may reuse a challenge; an expired nonce is reported stale.
 */
public final class CameraDigest {

    public static final String REALM = "Wardnet simulated camera";
    private static final long NONCE_MILLIS = 5 * 60_000;
    private static final long NONCE_SECRET = new SecureRandom().nextLong();

    private final SimulatedCamera camera;

    public CameraDigest(SimulatedCamera camera) {
        this.camera = camera;
    }

    /** The result of a check: whether it passed, and whether the client's nonce was merely stale. */
    public record Check(boolean authorized, boolean stale) {
    }

    /** The {@code WWW-Authenticate} value to send with a 401. */
    public String challenge(boolean stale) {
        return "Digest realm=\"" + REALM + "\", nonce=\"" + nonce() + "\"" + (stale ? ", stale=\"true\"" : "");
    }

    /** Checks an {@code Authorization} header (null when absent) of a request with this method. */
    public Check check(String method, String header) {
        if (header == null || !header.regionMatches(true, 0, "Digest ", 0, 7)) {
            return new Check(false, false);
        }
        Map<String, String> p = parameters(header.substring(7));
        String nonce = nonce();
        if (!nonce.equals(p.get("nonce"))) {
            return new Check(false, p.get("nonce") != null);
        }
        String ha1 = md5(camera.username() + ":" + REALM + ":" + camera.acceptedPassword());
        String ha2 = md5(method + ":" + p.get("uri"));
        String expected = p.containsKey("qop")
                ? md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + p.get("qop") + ":" + ha2)
                : md5(ha1 + ":" + nonce + ":" + ha2);
        return new Check(camera.username().equals(p.get("username")) && expected.equals(p.get("response")), false);
    }

    /** The camera's current nonce: a keyed hash of its id and the 5-minute period. */
    private String nonce() {
        long period = System.currentTimeMillis() / NONCE_MILLIS;
        return Long.toHexString((camera.id().hashCode() * 0x9E3779B97F4A7C15L) ^ (period * 0xC2B2AE3D27D4EB4FL)
                ^ NONCE_SECRET);
    }

    private static Map<String, String> parameters(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : text.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(part.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                        part.substring(eq + 1).strip().replace("\"", ""));
            }
        }
        return out;
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
