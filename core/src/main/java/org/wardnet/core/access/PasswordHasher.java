package org.wardnet.core.access;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes with PBKDF2-HMAC-SHA256, a 16-byte random salt and a configurable iteration
 * count (600,000 by default, the level OWASP recommends for this function). A stored hash reads
 * {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (base64), so raising the count later leaves old
 * hashes verifiable.
 *
 * <p>{@link #verifyNobody} does the same work as a real verification for a name that does not
 * exist, so a login answer takes as long whether or not the user is known. Limit: PBKDF2 is not
 * memory-hard; a GPU attacker with a stolen store is slowed by the iteration count only.
 */
public final class PasswordHasher {

    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong derivations = new AtomicLong();
    private final String nobody;

    public PasswordHasher(int iterations) {
        if (iterations < 10_000) {
            throw new IllegalArgumentException("PBKDF2 needs at least 10,000 iterations, got " + iterations);
        }
        this.iterations = iterations;
        this.nobody = hash("no user has this password " + random.nextLong());
    }

    /** A fresh salted hash of {@code password}. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] derived = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derived);
    }

    /** Whether {@code password} matches {@code stored}; false for a hash this class cannot read. */
    public boolean verify(String password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        try {
            int rounds = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, rounds));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The cost of a verification, spent for a user that does not exist; always false. */
    public boolean verifyNobody(String password) {
        verify(password, nobody);
        return false;
    }

    /** Whether {@code stored} was made with fewer iterations than this hasher uses now. */
    public boolean weakerThanCurrent(String stored) {
        String[] parts = stored.split("\\$");
        try {
            return parts.length != 4 || Integer.parseInt(parts[1]) < iterations;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** How many derivations ran (hashes and verifications, real or not): lets tests see the work done. */
    public long derivations() {
        return derivations.get();
    }

    private byte[] derive(String password, byte[] salt, int rounds) {
        derivations.incrementAndGet();
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, rounds, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM lacks PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
