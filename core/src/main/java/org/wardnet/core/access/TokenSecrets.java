package org.wardnet.core.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer token secrets: {@code wn_} followed by 32 random bytes in URL-safe base64. Only their
 * SHA-256 is stored; a secret of 256 random bits needs no salt or slow hash, since it cannot be
 * guessed from a dictionary. Public token ids are separate and shorter.
 */
public final class TokenSecrets {

    public static final String PREFIX = "wn_";
    private static final int SECRET_LENGTH = PREFIX.length() + 43;

    /** One digest per thread: looking the algorithm up costs more than hashing a token, on every request. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    });

    private final SecureRandom random = new SecureRandom();

    public String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String newId() {
        byte[] bytes = new byte[9];
        random.nextBytes(bytes);
        return "tok_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code text} has the shape of a secret (checked before any lookup). */
    public static boolean wellFormed(String text) {
        if (text == null || text.length() != SECRET_LENGTH || !text.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** The stored form of a secret: SHA-256, hex. */
    public static String digest(String secret) {
        return HexFormat.of().formatHex(SHA256.get().digest(secret.getBytes(StandardCharsets.US_ASCII)));
    }
}
