package org.wardnet.core.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where users, their grants and their tokens are kept. Each method is one transaction. */
public interface UserStore {

    /** Stores a new user with its grants; false when the name is taken. */
    boolean create(User user);

    Optional<User> find(String name);

    /** Every user, by name. */
    List<User> all();

    /** Replaces grants and the disabled flag; false when there is no such user. */
    boolean update(String name, List<Grant> grants, boolean disabled, Instant at);

    /** Sets a new hash and the must-change flag; false when there is no such user. */
    boolean setPassword(String name, String passwordHash, boolean mustChange, Instant at);

    /** Deletes a user and its tokens; false when there was none. */
    boolean delete(String name);

    void addToken(AccessToken token);

    Optional<AccessToken> tokenByDigest(String digest);

    Optional<AccessToken> token(String id);

    /** A user's tokens, newest first; sessions that ended before {@code since} are left out. */
    List<AccessToken> tokensOf(String user, Instant since);

    /** Marks a token revoked; false when it does not exist or was already revoked. */
    boolean revoke(String id, Instant at);

    /** Revokes every token of a user that is not yet revoked; returns how many. */
    int revokeAll(String user, Instant at);

    /** Whether any user exists (the first start creates the admin when none does). */
    boolean anyUser();
}
