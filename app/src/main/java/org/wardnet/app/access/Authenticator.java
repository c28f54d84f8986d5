package org.wardnet.app.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.wardnet.core.access.AccessToken;
import org.wardnet.core.access.Principal;
import org.wardnet.core.access.TokenSecrets;
import org.wardnet.core.access.User;
import org.wardnet.core.access.UserStore;
import org.wardnet.core.errors.DomainException;

/**
 * Turns an {@code Authorization: Bearer} header into a {@link Principal}, or a 401 problem saying
 * what is wrong with it (missing, malformed, unknown, expired, revoked, or its user disabled).
 *
 * <p>Tokens looked up once are cached by digest, so a request costs one SHA-256 (none when the
 * thread's previous request brought the same header) and a map read;
 * the first request with a token reads the store, off the event loop.
 * The cache is exact because every change to users and tokens made through this server calls
 * {@link #forgetUser} or {@link #forgetToken}, and the changes other servers on the same store
 * make are heard and forgotten the same way (on PostgreSQL, within about a second of their
 * commit); expiry is checked on every request. Limit: the cache is cleared when it holds 50,000
 * tokens.
 */
public final class Authenticator {

    private static final int MAX_CACHED = 50_000;

    private record Known(AccessToken token, Principal principal) {
    }

    private final UserStore users;
    private final Clock clock;
    private final Map<String, Known> byDigest = new ConcurrentHashMap<>();

    public Authenticator(UserStore users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /**
     * The caller presenting {@code authorization} (the header's value, possibly null) when its
     * token is cached, or null when it must be looked up with {@link #lookUp}. Never touches the
     * store, so it may run on an event loop.
     *
     * @throws DomainException UNAUTHENTICATED for a missing or malformed header, or a cached token that expired or
     *                      was revoked
     */
    public Principal cached(String authorization) {
        String digest = digestOf(authorization);
        Known known = byDigest.get(digest);
        return known == null ? null : check(known);
    }

    /** As {@link #cached}, reading the store on a miss: blocking, so never on an event loop. */
    public Principal lookUp(String authorization) {
        String digest = digestOf(authorization);
        Known known = byDigest.get(digest);
        return check(known != null ? known : load(digest));
    }

    private static String digestOf(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw unauthenticated(null, "this resource needs a bearer token: log in at POST /api/v1/login and send"
                    + " 'Authorization: Bearer <token>'");
        }
        String[] last = LAST_DIGEST.get();
        if (sameText(authorization, last[0])) {
            return last[1];
        }
        String secret = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip() : null;
        if (secret == null || !TokenSecrets.wellFormed(secret)) {
            throw unauthenticated("invalid_request", "the Authorization header must be 'Bearer ' followed by a Wardnet"
                    + " token (wn_...)");
        }
        String digest = TokenSecrets.digest(secret);
        last[0] = authorization;
        last[1] = digest;
        return digest;
    }

    /**
     * Per thread, the last well-formed header and its digest: a keep-alive client sends the same
     * header with every request, and an event loop serves it again and again. Only the digest is
     * remembered (it is a function of the header); the token's state is checked on every request.
     */
    private static final ThreadLocal<String[]> LAST_DIGEST = ThreadLocal.withInitial(() -> new String[2]);

    /**
     * Whether two texts are equal, in a time that depends on their length only: the header compared
     * may be another caller's, and an early exit would tell how much of it a guess got right.
     */
    private static boolean sameText(String a, String b) {
        if (b == null || a.length() != b.length()) {
            return false;
        }
        int difference = 0;
        for (int i = 0; i < a.length(); i++) {
            difference |= a.charAt(i) ^ b.charAt(i);
        }
        return difference == 0;
    }

    private Principal check(Known known) {
        Instant now = clock.instant();
        AccessToken token = known.token();
        if (token.revoked() != null) {
            throw unauthenticated("invalid_token", "the token was revoked; log in again or ask for a new token");
        }
        if (token.expires() != null && !now.isBefore(token.expires())) {
            throw unauthenticated("invalid_token", "the token expired at " + token.expires() + "; log in again");
        }
        return known.principal();
    }

    private Known load(String digest) {
        AccessToken token = users.tokenByDigest(digest).orElseThrow(() -> unauthenticated("invalid_token",
                "the token is not valid"));
        User user = users.find(token.user()).orElse(null);
        if (user == null || user.disabled()) {
            throw unauthenticated("invalid_token", "the token's user is disabled or deleted");
        }
        Known known = new Known(token, new Principal(user.name(), user.grants(), token.id(), user.mustChangePassword()));
        if (byDigest.size() >= MAX_CACHED) {
            byDigest.clear();
        }
        byDigest.put(digest, known);
        return known;
    }

    /** Drops what is cached for a user's tokens (after its grants, password or state changed). */
    public void forgetUser(String user) {
        byDigest.values().removeIf(k -> k.token().user().equals(user));
    }

    /** Drops a token from the cache (after it was revoked). */
    public void forgetToken(String tokenId) {
        byDigest.values().removeIf(k -> k.token().id().equals(tokenId));
    }

    /** Drops every cached token (when changes may have gone unheard). */
    public void forgetAll() {
        byDigest.clear();
    }

    /** @param bearerError RFC 6750's error code for the caller, or null when no token was sent */
    static DomainException unauthenticated(String bearerError, String detail) {
        DomainException refusal = new DomainException(DomainException.Kind.UNAUTHENTICATED, "unauthenticated",
                "Not authenticated", detail);
        return bearerError == null ? refusal : refusal.with("bearerError", bearerError);
    }
}
