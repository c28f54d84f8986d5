package org.wardnet.adapters.onvif;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * A WS-Security UsernameToken with PasswordDigest (OASIS Username Token Profile 1.0, as ONVIF
 * requires): {@code Base64(SHA-1(nonce + created + password))} with a fresh 16-byte nonce and the
 * creation time on the device's clock, so a camera whose clock is off still accepts it.
 *
 * @param username the user
 * @param digest   Base64 PasswordDigest
 * @param nonce    Base64 nonce
 * @param created  creation time as sent, {@code yyyy-MM-ddTHH:mm:ssZ} (UTC, whole seconds)
 */
public record UsernameToken(String username, String digest, String nonce, String created) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static final String SECEXT = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String UTILITY = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String DIGEST_TYPE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
    static final String BASE64_TYPE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";

    /** A new token created at {@code deviceNow} (local time plus the device's clock offset). */
    public static UsernameToken create(String username, String password, Instant deviceNow) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String created = DateTimeFormatter.ISO_INSTANT.format(deviceNow.truncatedTo(ChronoUnit.SECONDS));
        return new UsernameToken(username, digest(nonce, created, password), Base64.getEncoder().encodeToString(nonce),
                created);
    }

    /** {@code Base64(SHA-1(nonce + created + password))}, the bytes of created and password in UTF-8. */
    public static String digest(byte[] nonce, String created, String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
    }

    /** The {@code wsse:Security} header element. */
    String headerXml() {
        return "<wsse:Security xmlns:wsse=\"" + SECEXT + "\" xmlns:wsu=\"" + UTILITY + "\" s:mustUnderstand=\"1\">"
                + "<wsse:UsernameToken><wsse:Username>" + SoapEnvelope.escape(username) + "</wsse:Username>"
                + "<wsse:Password Type=\"" + DIGEST_TYPE + "\">" + digest + "</wsse:Password>"
                + "<wsse:Nonce EncodingType=\"" + BASE64_TYPE + "\">" + nonce + "</wsse:Nonce>"
                + "<wsu:Created>" + created + "</wsu:Created></wsse:UsernameToken></wsse:Security>";
    }
}
