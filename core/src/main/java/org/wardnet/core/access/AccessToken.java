package org.wardnet.core.access;

import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token as stored: its public id and the digest of its secret, never the secret.
 *
 * @param kind    SESSION from a login, API for a machine
 * @param expires null for an API token that does not expire
 * @param revoked null while it is valid
 */
public record AccessToken(String id, String digest, String user, Kind kind, String label, Instant created,
        Instant expires, Instant revoked) {

    /** How the token came to be. */
    public enum Kind { SESSION, API }

    public AccessToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(kind, "kind");
    }

    /** Whether it may be used at {@code now}. */
    public boolean usableAt(Instant now) {
        return revoked == null && (expires == null || now.isBefore(expires));
    }
}
