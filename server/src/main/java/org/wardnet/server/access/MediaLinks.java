package org.wardnet.server.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived links that open one clip's video without a bearer token. A browser's
 * {@code <video>} element fetches its source itself, with no way to add an Authorization header,
 * and the console keeps its token out of URLs; so the console asks for a link (with its token,
 * scope-checked and audited) and plays that. A link names the clip and its expiry and is signed
 * with a key made at start: it cannot be made for another clip or stretched, and no link outlives
 * a restart.
 *
 * <p>Limits: a link is a bearer credential for its clip until it expires (api.mediaLinkSeconds),
 * so anyone who obtains the URL in that time can fetch the clip; revoking the user's grants does
 * not revoke the links already made.
 */
public final class MediaLinks {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 18;

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration life;

    /** A link's secret part and when it stops working. */
    public record Link(String ticket, Instant expires) {
    }

    public MediaLinks(Clock clock, Duration life) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.clock = clock;
        this.life = life;
    }

    /** A link to {@code clipId}'s media; the caller has been checked to see the clip. */
    public Link issue(long clipId) {
        long expires = clock.instant().plus(life).getEpochSecond();
        String signed = clipId + "." + expires;
        return new Link(signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(signed)),
                Instant.ofEpochSecond(expires));
    }

    /** The clip {@code ticket} opens, or empty when it is malformed, forged or expired. */
    public OptionalLong redeem(String ticket) {
        if (ticket == null || ticket.length() > 128) {
            return OptionalLong.empty();
        }
        int last = ticket.lastIndexOf('.');
        int first = ticket.indexOf('.');
        if (first <= 0 || last == first) {
            return OptionalLong.empty();
        }
        String signed = ticket.substring(0, last);
        byte[] given;
        long clipId;
        long expires;
        try {
            given = Base64.getUrlDecoder().decode(ticket.substring(last + 1));
            clipId = Long.parseLong(ticket.substring(0, first));
            expires = Long.parseLong(ticket.substring(first + 1, last));
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
        if (!MessageDigest.isEqual(given, mac(signed)) || clock.instant().getEpochSecond() >= expires) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(clipId);
    }

    private byte[] mac(String signed) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
