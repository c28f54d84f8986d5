package org.wardnet.storage.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets (camera passwords) for the store with AES-256-GCM: a fresh 96-bit nonce per value,
 * a 128-bit tag, and the key's id as associated data. A sealed value reads
 * {@code enc:v1:KEYID:BASE64URL(nonce ‖ ciphertext ‖ tag)}, where KEYID is the first 8 hex digits
 * of the key's SHA-256, so a value names the key that opens it and several keys can be loaded
 * while a rotation completes. A value without the prefix is a plaintext left by an older version:
 * {@link #open} returns it as is and {@link #needsSealing} says it should be sealed.
 *
 * <p>Thread-safe. Limits: values up to a few kilobytes (they are strings in memory).
 */
public final class SecretBox {

    static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    /**
     * @param current the key new values are sealed with (32 bytes)
     * @param older   keys that may still have sealed stored values (during a rotation)
     */
    public SecretBox(byte[] current, List<byte[]> older) {
        currentId = keyId(current);
        keys.put(currentId, key(current));
        for (byte[] key : older) {
            keys.putIfAbsent(keyId(key), key(key));
        }
    }

    private static SecretKeySpec key(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("a secret key is 32 bytes (AES-256), got " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** The first 8 hex digits of the key's SHA-256: names a key without revealing it. */
    public static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    public String currentKeyId() {
        return currentId;
    }

    /** The sealed form of {@code plaintext}; null and empty stay as they are (nothing to hide). */
    public String seal(String plaintext) {
        if (plaintext == null || plaintext.isEmpty()) {
            return plaintext;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(currentId.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return PREFIX + currentId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * The plaintext of a stored value.
     *
     * @throws SecretException when the value was sealed with a key not loaded, or does not open
     *                         (altered, or a different key with the same id)
     */
    public String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new SecretException("a sealed value is malformed (no key id)");
        }
        String id = stored.substring(PREFIX.length(), colon);
        SecretKeySpec key = keys.get(id);
        if (key == null) {
            throw new SecretException("a stored secret was sealed with key " + id + ", which is not loaded (loaded: "
                    + keys.keySet() + "); restore that key file or set store.secretKey to it");
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(id.getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretException("a stored secret sealed with key " + id + " does not open: it was altered");
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new SecretException("a stored secret sealed with key " + id + " is malformed: " + e.getMessage());
        }
    }

    /** Whether a stored value should be (re)sealed: plaintext, or sealed with an older key. */
    public boolean needsSealing(String stored) {
        return stored != null && !stored.isEmpty() && !stored.startsWith(PREFIX + currentId + ":");
    }

    /** A sealed secret cannot be opened. */
    public static final class SecretException extends RuntimeException {
        public SecretException(String message) {
            super(message);
        }
    }
}
