package org.wardnet.adapters.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answers RTSP and HTTP authentication challenges (RFC 2617 as cameras use it): Digest with MD5 or
 * MD5-sess, with {@code qop=auth} or without qop, and Basic when that is all the server offers.
 * One instance per connection: it keeps the challenge and the nonce count.
 */
public final class DigestAuthenticator {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String username;
    private final String password;
    private Map<String, String> digest;
    private boolean basic;
    private int nonceCount;

    public DigestAuthenticator(String username, String password) {
        this.username = username;
        this.password = password;
    }

    /**
     * Takes the {@code WWW-Authenticate} values of a 401.
     *
     * @return true when a challenge was understood (Digest preferred over Basic)
     */
    public boolean challenge(List<String> headers) {
        Map<String, String> found = null;
        boolean basicOffered = false;
        for (String header : headers) {
            String trimmed = header.strip();
            if (trimmed.regionMatches(true, 0, "Digest ", 0, 7)) {
                found = found == null ? parameters(trimmed.substring(7)) : found;
            } else if (trimmed.regionMatches(true, 0, "Basic", 0, 5)) {
                basicOffered = true;
            }
        }
        if (found != null && found.containsKey("nonce") && found.containsKey("realm")) {
            String algorithm = found.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
            if (algorithm.equals("MD5") || algorithm.equals("MD5-SESS")) {
                digest = found;
                basic = false;
                nonceCount = 0;
                return true;
            }
        }
        basic = basicOffered;
        digest = null;
        return basicOffered;
    }

    /**
     * Starts from a challenge seen on an earlier connection to the same server, so the first
     * request carries credentials at once. A stale nonce costs one 401 and a retry, as without.
     */
    public void prime(Map<String, String> cachedDigest) {
        if (cachedDigest != null && digest == null) {
            digest = cachedDigest;
        }
    }

    /** The Digest challenge in use, for {@link #prime} on the next connection; null when none. */
    public Map<String, String> digestChallenge() {
        return digest;
    }

    /** Whether the last challenge said the nonce had gone stale (so a retry is not a refusal). */
    public boolean stale() {
        return digest != null && "true".equalsIgnoreCase(digest.get("stale"));
    }

    public boolean ready() {
        return digest != null || basic;
    }

    /** The {@code Authorization} value for a request, or null before any challenge. */
    public String authorization(String method, String uri) {
        if (basic) {
            return "Basic " + Base64.getEncoder().encodeToString(
                    (username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        if (digest == null) {
            return null;
        }
        String realm = digest.get("realm");
        String nonce = digest.get("nonce");
        String qop = chooseQop(digest.get("qop"));
        boolean sess = "MD5-SESS".equalsIgnoreCase(digest.getOrDefault("algorithm", "MD5"));
        // A client nonce is needed only with qop or MD5-sess; nextBytes, not generateSeed, which
        // reads the system's entropy source and is far too slow for thousands of probes.
        String cnonce = qop != null || sess ? cnonce() : null;
        String nc = String.format("%08x", ++nonceCount);
        String ha1 = md5(username + ":" + realm + ":" + password);
        if (sess) {
            ha1 = md5(ha1 + ":" + nonce + ":" + cnonce);
        }
        String ha2 = md5(method + ":" + uri);
        String response = qop == null ? md5(ha1 + ":" + nonce + ":" + ha2)
                : md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
        StringBuilder out = new StringBuilder("Digest username=\"").append(username).append("\", realm=\"")
                .append(realm).append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri)
                .append("\", response=\"").append(response).append('"');
        if (digest.containsKey("algorithm")) {
            out.append(", algorithm=").append(digest.get("algorithm"));
        }
        if (digest.containsKey("opaque")) {
            out.append(", opaque=\"").append(digest.get("opaque")).append('"');
        }
        if (qop != null) {
            out.append(", qop=").append(qop).append(", nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        return out.toString();
    }

    private static String cnonce() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Only {@code auth} is supported: {@code auth-int} would hash the body, which probes never send. */
    private static String chooseQop(String offered) {
        if (offered == null) {
            return null;
        }
        for (String option : offered.split(",")) {
            if (option.strip().equalsIgnoreCase("auth")) {
                return "auth";
            }
        }
        return null;
    }

    /** Parses {@code key=value, key="quoted, value"} pairs; keys lower case. */
    public static Map<String, String> parameters(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && (text.charAt(i) == ',' || Character.isWhitespace(text.charAt(i)))) {
                i++;
            }
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = text.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            i = eq + 1;
            String value;
            if (i < text.length() && text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                close = close < 0 ? text.length() : close;
                value = text.substring(i + 1, close);
                i = close + 1;
            } else {
                int comma = text.indexOf(',', i);
                comma = comma < 0 ? text.length() : comma;
                value = text.substring(i, comma).strip();
                i = comma;
            }
            out.putIfAbsent(key, value);
        }
        return out;
    }

    public static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JVM", e);
        }
    }
}
