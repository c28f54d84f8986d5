package org.wardnet.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the audit trail.
 *
 * @param seq          1, 2, 3, ... without gaps
 * @param actor        who asked: a user name, or "anonymous"
 * @param scope        where the caller's grant applied ("*" for the district, or site ids); null
 *                     for requests no grant was needed for, and in entries written before scopes
 * @param address      the peer's IP address
 * @param action       what kind of request, e.g. "clips.media"
 * @param target       the request's path and query
 * @param result       the HTTP status answered
 * @param previousHash the hash of entry seq − 1 (64 zeros for the first)
 * @param hash         SHA-256 over this entry's fields and previousHash, hex
 */
public record AuditEntry(long seq, Instant at, String actor, String scope, String address, String action, String target, int result,
        String previousHash, String hash) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
    }

    /**
     * An entry before it is linked into the chain. A NUL character in any text (a request path can
     * carry one, percent-encoded) is written as its escape, a backslash, "u" and four zeros:
     * PostgreSQL's text cannot hold it, and a refused write would refuse the request it records.
     */
    public record Draft(Instant at, String actor, String scope, String address, String action, String target, int result) {
        public Draft {
            actor = storable(actor);
            scope = storable(scope);
            address = storable(address);
            action = storable(action);
            target = storable(target);
        }

        private static final char NUL = (char) 0;

        private static String storable(String text) {
            return text == null || text.indexOf(NUL) < 0 ? text : text.replace(String.valueOf(NUL), "\\u0000");
        }
    }
}
