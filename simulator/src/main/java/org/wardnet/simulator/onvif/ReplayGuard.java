package org.wardnet.simulator.onvif;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.wardnet.adapters.onvif.UsernameToken;
import org.wardnet.adapters.onvif.XmlElement;

/**
 * Checks WS-Security UsernameTokens for one camera as a careful device does: the digest must match,
 * the creation time must lie within the freshness window of the camera's own clock, and a nonce may
 * be used once. Nonces are remembered for the window and then forgotten (a replay after that fails
 * the freshness check anyway), so memory stays bounded by the request rate.
 *
 * <p>Thread-safe (synchronized): a camera's connections may run on different event loops.
 */
final class ReplayGuard {

    /** How far a token's creation time may be from the camera's clock. */
    static final Duration WINDOW = Duration.ofMinutes(5);

    /** Why a token was refused; null when accepted. */
    enum Refusal {
        MISSING, WRONG_USER, MALFORMED, STALE, REPLAYED, WRONG_DIGEST
    }

    private final Set<String> seen = new HashSet<>();
    private final Deque<Seen> order = new ArrayDeque<>();

    private record Seen(String nonce, Instant at) {
    }

    /**
     * @param envelope the request's envelope
     * @param cameraNow the camera's clock (skew included)
     * @return null when the token is good
     */
    synchronized Refusal check(XmlElement envelope, String username, String password, Instant cameraNow) {
        XmlElement token = envelope.child("Header").flatMap(h -> h.find("UsernameToken")).orElse(null);
        if (token == null) {
            return Refusal.MISSING;
        }
        if (!username.equals(token.textAt("Username"))) {
            return Refusal.WRONG_USER;
        }
        String nonce = token.textAt("Nonce");
        String created = token.textAt("Created");
        String digest = token.textAt("Password");
        Instant createdAt;
        byte[] nonceBytes;
        try {
            createdAt = Instant.parse(created);
            nonceBytes = Base64.getDecoder().decode(nonce);
        } catch (RuntimeException e) {
            return Refusal.MALFORMED;
        }
        if (Duration.between(createdAt, cameraNow).abs().compareTo(WINDOW) > 0) {
            return Refusal.STALE;
        }
        forgetBefore(cameraNow.minus(WINDOW.multipliedBy(2)));
        if (seen.contains(nonce)) {
            return Refusal.REPLAYED;
        }
        if (!UsernameToken.digest(nonceBytes, created, password).equals(digest)) {
            return Refusal.WRONG_DIGEST;
        }
        seen.add(nonce);
        order.addLast(new Seen(nonce, cameraNow));
        return null;
    }

    private void forgetBefore(Instant cutoff) {
        while (!order.isEmpty() && order.peekFirst().at().isBefore(cutoff)) {
            seen.remove(order.removeFirst().nonce());
        }
    }
}
