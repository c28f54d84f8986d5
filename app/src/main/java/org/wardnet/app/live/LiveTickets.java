package org.wardnet.app.live;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tickets that start a live session without a bearer token, for clients that cannot send one (a
 * browser's WebSocket, a video wall's RTSP URL pasted into a player). A ticket names the user, the
 * camera and its expiry, signed with a key made at start: it cannot be moved to another camera or
 * stretched, and none outlives a restart.
 *
 * <p>Limits: a ticket is a bearer credential for starting sessions on its camera until it expires,
 * and a session started with it runs until the client leaves; revoking the user's grants does not
 * revoke tickets already issued.
 */
public final class LiveTickets {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 18;
    private static final char SEPARATOR = '~';

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration life;

    /** A ticket and when it stops opening sessions. */
    public record Ticket(String value, Instant expires) {
    }

    /** Whom a valid ticket admits, to which camera. */
    public record Holder(String user, String cameraId) {
    }

    public LiveTickets(Clock clock, Duration life) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.clock = clock;
        this.life = life;
    }

    /** A ticket for {@code user} on {@code cameraId}; the caller was checked to watch it. */
    public Ticket issue(String user, String cameraId) {
        long expires = clock.instant().plus(life).getEpochSecond();
        String signed = user + SEPARATOR + cameraId + SEPARATOR + expires;
        return new Ticket(signed + SEPARATOR + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(signed)),
                Instant.ofEpochSecond(expires));
    }

    /** Whom {@code ticket} admits, or empty when it is malformed, forged or expired. */
    public Optional<Holder> redeem(String ticket) {
        if (ticket == null || ticket.length() > 256) {
            return Optional.empty();
        }
        String[] parts = ticket.split(String.valueOf(SEPARATOR), -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        String signed = parts[0] + SEPARATOR + parts[1] + SEPARATOR + parts[2];
        try {
            byte[] given = Base64.getUrlDecoder().decode(parts[3]);
            long expires = Long.parseLong(parts[2]);
            if (!MessageDigest.isEqual(given, mac(signed)) || clock.instant().getEpochSecond() >= expires) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new Holder(parts[0], parts[1]));
    }

    private byte[] mac(String signed) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
