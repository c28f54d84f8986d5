package org.wardnet.app.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.wardnet.core.access.AccessToken;
import org.wardnet.core.access.Grant;
import org.wardnet.core.access.LoginThrottle;
import org.wardnet.core.access.PasswordHasher;
import org.wardnet.core.access.Permission;
import org.wardnet.core.access.Principal;
import org.wardnet.core.access.Role;
import org.wardnet.core.access.TokenSecrets;
import org.wardnet.core.access.User;
import org.wardnet.core.access.UserStore;
import org.wardnet.core.errors.DomainException;

/**
 * Users, logins and tokens: the rules behind the login, user and token endpoints. Methods that
 * hash a password take a third of a second of CPU by design and must run off the event loop.
 *
 * <p>Failed logins answer the same words whether the name exists or not, after the same work
 * (an unknown name is verified against a dummy hash). The last enabled district-wide admin cannot
 * be deleted, disabled or demoted, so the system cannot lock itself out.
 */
public final class Accounts {

    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final Duration MAX_API_TOKEN = Duration.ofDays(3_650);

    private final UserStore store;
    private final PasswordHasher hasher;
    private final Authenticator authenticator;
    private final LoginThrottle throttle;
    private final Predicate<String> siteExists;
    private final Clock clock;
    private final Duration session;
    private final Duration apiTokenDefault;
    private final TokenSecrets secrets = new TokenSecrets();
    private final SecureRandom random = new SecureRandom();

    /** Lifetimes of what {@link Accounts} issues. */
    public record Lifetimes(Duration session, Duration apiTokenDefault) {
    }

    public Accounts(UserStore store, PasswordHasher hasher, Authenticator authenticator, LoginThrottle throttle,
            Predicate<String> siteExists, Clock clock, Lifetimes lifetimes) {
        this.store = store;
        this.hasher = hasher;
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.siteExists = siteExists;
        this.clock = clock;
        this.session = lifetimes.session();
        this.apiTokenDefault = lifetimes.apiTokenDefault();
    }

    /** A token just made: its stored form and the secret, shown to the caller this once. */
    public record Issued(AccessToken token, String secret, User user) {
    }

    /** A user just made or reset, with the generated password when one was generated. */
    public record Created(User user, String oneTimePassword) {
    }

    /**
     * Creates the first administrator when the store has no user: with {@code password} when given,
     * else with a generated one that must be changed at first login.
     *
     * @return the generated password, to be shown once; empty when users existed or one was given
     */
    public Optional<String> ensureFirstAdmin(String name, String password) {
        if (store.anyUser()) {
            return Optional.empty();
        }
        Created created = createUser(name, password.isEmpty() ? null : password,
                List.of(new Grant(Role.ADMIN, Grant.DISTRICT)), !password.isEmpty() ? Boolean.FALSE : null);
        return Optional.ofNullable(created.oneTimePassword());
    }

    public Issued login(String name, String password, String address) {
        Duration wait = throttle.wait(name, address);
        if (!wait.isZero()) {
            int seconds = (int) Math.min(Integer.MAX_VALUE, Math.max(1, (wait.toMillis() + 999) / 1000));
            throw new DomainException(DomainException.Kind.THROTTLED, "login-throttled",
                    "Too many failed logins", "too many failed logins for this name or from this address; try again"
                            + " in " + seconds + " s").retryAfter(seconds);
        }
        User user = name == null || User.nameProblem(name) != null ? null : store.find(name).orElse(null);
        boolean matches = user == null ? hasher.verifyNobody(password) : hasher.verify(password, user.passwordHash());
        if (!matches || user.disabled()) {
            throttle.failed(name, address);
            throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "login-failed", "Login failed",
                    "the user name or password is wrong, or the account is disabled");
        }
        throttle.succeeded(name);
        if (hasher.weakerThanCurrent(user.passwordHash())) {
            store.setPassword(user.name(), hasher.hash(password), user.mustChangePassword(), clock.instant());
        }
        return issue(user, AccessToken.Kind.SESSION, "login from " + address, clock.instant().plus(session));
    }

    public void logout(Principal caller) {
        store.revoke(caller.tokenId(), clock.instant());
        authenticator.forgetToken(caller.tokenId());
    }

    /** Sets the caller's own password after checking the current one; revokes its other tokens. */
    public void changeOwnPassword(Principal caller, String current, String next) {
        User user = store.find(caller.user()).orElseThrow(() -> notFound("user", caller.user()));
        if (!hasher.verify(current == null ? "" : current, user.passwordHash())) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "wrong-password", "Wrong password",
                    "currentPassword is not this account's password");
        }
        requireGoodPassword(user.name(), next, "newPassword");
        if (hasher.verify(next, user.passwordHash())) {
            throw DomainException.badRequest("newPassword", "must differ from the current password");
        }
        Instant now = clock.instant();
        store.setPassword(user.name(), hasher.hash(next), false, now);
        for (AccessToken token : store.tokensOf(user.name(), now)) {
            if (!token.id().equals(caller.tokenId()) && token.revoked() == null) {
                store.revoke(token.id(), now);
            }
        }
        authenticator.forgetUser(user.name());
    }

    /**
     * @param mustChange null for the default: true when the password is generated or set by someone
     *                   else, which is always the case here except for a configured first admin
     */
    public Created createUser(String name, String password, List<Grant> grants, Boolean mustChange) {
        requireNoNodeGrant(grants);
        return create(name, password, grants, mustChange);
    }

    /**
     * The account of a tier node: the node role on the node's own site, a random password nobody
     * is told (a node authenticates with its token), nothing to change at login.
     */
    public User createNodeAccount(String name, String siteId) {
        return create(name, generatePassword() + generatePassword(), List.of(new Grant(Role.NODE, siteId)), false)
                .user();
    }

    private Created create(String name, String password, List<Grant> grants, Boolean mustChange) {
        String problem = User.nameProblem(name);
        if (problem != null) {
            throw DomainException.badRequest("name", problem);
        }
        requireKnownSites(grants);
        String chosen = password;
        if (chosen == null) {
            chosen = generatePassword();
        } else {
            requireGoodPassword(name, chosen, "password");
        }
        Instant now = clock.instant();
        User user = new User(name, hasher.hash(chosen), mustChange == null || mustChange, false, grants, now, now);
        if (!store.create(user)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "user-exists", "User exists",
                    "a user named '" + name + "' exists already");
        }
        return new Created(user, password == null ? chosen : null);
    }

    public User update(String name, List<Grant> grants, boolean disabled) {
        User user = store.find(name).orElseThrow(() -> notFound("user", name));
        requireNoNodeGrant(grants);
        if (user.grants().stream().anyMatch(g -> g.role() == Role.NODE)) {
            throw conflict("node-account", "'" + name + "' is a tier node's account: revoke it with DELETE"
                    + " /api/v1/nodes/{id}");
        }
        requireKnownSites(grants);
        if (isDistrictAdmin(user) && (disabled || grants.stream().noneMatch(Accounts::districtAdminGrant))) {
            requireAnotherDistrictAdmin(name, "remove the district-wide admin role from, or disable,");
        }
        store.update(name, grants, disabled, clock.instant());
        authenticator.forgetUser(name);
        return store.find(name).orElseThrow();
    }

    public void delete(String name, Principal caller) {
        User user = store.find(name).orElseThrow(() -> notFound("user", name));
        if (user.name().equals(caller.user())) {
            throw conflict("cannot-delete-self", "an administrator cannot delete their own account");
        }
        if (isDistrictAdmin(user)) {
            requireAnotherDistrictAdmin(name, "delete");
        }
        store.delete(name);
        authenticator.forgetUser(name);
    }

    /** Sets a new password for someone else (to be changed at their next login) and revokes their tokens. */
    public Created resetPassword(String name, String password) {
        User user = store.find(name).orElseThrow(() -> notFound("user", name));
        String chosen = password == null ? generatePassword() : password;
        if (password != null) {
            requireGoodPassword(name, password, "password");
        }
        Instant now = clock.instant();
        store.setPassword(name, hasher.hash(chosen), true, now);
        store.revokeAll(name, now);
        authenticator.forgetUser(name);
        return new Created(store.find(name).orElse(user), password == null ? chosen : null);
    }

    public Optional<User> find(String name) {
        return store.find(name);
    }

    public List<User> all() {
        return store.all();
    }

    /**
     * A new API token for {@code user} (the caller itself when null). Another user's needs the
     * district-wide user administration the caller is checked for here.
     */
    public Issued createToken(Principal caller, String user, String label, Instant expiresAt) {
        String owner = user == null ? caller.user() : user;
        if (!owner.equals(caller.user())) {
            requireUserAdmin(caller);
        }
        User account = store.find(owner).orElseThrow(() -> notFound("user", owner));
        Instant now = clock.instant();
        Instant expires = expiresAt == null ? now.plus(apiTokenDefault) : expiresAt;
        if (!expires.isAfter(now) || expires.isAfter(now.plus(MAX_API_TOKEN))) {
            throw DomainException.badRequest("expiresAt must be in the future and at most ten years away,"
                    + " got " + expiresAt);
        }
        return issue(account, AccessToken.Kind.API, label, expires);
    }

    /** Tokens of {@code user} (the caller when null), newest first; sessions already ended are left out. */
    public List<AccessToken> tokens(Principal caller, String user) {
        String owner = user == null ? caller.user() : user;
        if (!owner.equals(caller.user())) {
            requireUserAdmin(caller);
        }
        return store.tokensOf(owner, clock.instant());
    }

    /** Revokes one of the caller's tokens, or anyone's for a user administrator; others' ids are 404. */
    public void revokeToken(Principal caller, String id) {
        AccessToken token = store.token(id).filter(t -> t.user().equals(caller.user()) || isUserAdmin(caller))
                .orElseThrow(() -> notFound("token", id));
        if (!store.revoke(token.id(), clock.instant())) {
            throw conflict("token-revoked", "token '" + id + "' was revoked already");
        }
        authenticator.forgetToken(token.id());
    }

    private Issued issue(User user, AccessToken.Kind kind, String label, Instant expires) {
        String secret = secrets.newSecret();
        AccessToken token = new AccessToken(secrets.newId(), TokenSecrets.digest(secret), user.name(), kind,
                label == null ? null : label.substring(0, Math.min(100, label.length())), clock.instant(), expires, null);
        store.addToken(token);
        return new Issued(token, secret, user);
    }

    /** The node role is given with a node's registration only, never to a person. */
    private static void requireNoNodeGrant(List<Grant> grants) {
        if (grants.stream().anyMatch(g -> g.role() == Role.NODE)) {
            throw DomainException.badRequest("grants", "the node role is given by registering a tier node"
                    + " (POST /api/v1/nodes), not to a user");
        }
    }

    /** Disables a node's account and revokes its tokens, at once. */
    public void disableNodeAccount(String name) {
        User user = store.find(name).orElseThrow(() -> notFound("user", name));
        Instant now = clock.instant();
        store.update(name, user.grants(), true, now);
        store.revokeAll(name, now);
        authenticator.forgetUser(name);
    }

    private void requireKnownSites(List<Grant> grants) {
        for (Grant grant : grants) {
            if (!grant.districtWide() && !siteExists.test(grant.siteId())) {
                throw DomainException.badRequest("grant " + grant + " names no existing site; use a site id"
                        + " or '*' for the whole district");
            }
        }
    }

    private void requireAnotherDistrictAdmin(String name, String verb) {
        boolean another = store.all().stream().anyMatch(u -> !u.name().equals(name) && !u.disabled()
                && isDistrictAdmin(u));
        if (!another) {
            throw conflict("last-admin", "cannot " + verb + " '" + name + "': it is the last enabled administrator"
                    + " of the whole district");
        }
    }

    private static boolean isDistrictAdmin(User user) {
        return user.grants().stream().anyMatch(Accounts::districtAdminGrant);
    }

    private static boolean districtAdminGrant(Grant grant) {
        return grant.role() == Role.ADMIN && grant.districtWide();
    }

    private static boolean isUserAdmin(Principal caller) {
        return caller.grants().stream().anyMatch(g -> g.districtWide()
                && g.role().allows(Permission.USERS_ADMIN));
    }

    private static void requireUserAdmin(Principal caller) {
        if (!isUserAdmin(caller)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden", "Forbidden",
                    "only a district-wide administrator may see or make another user's tokens");
        }
    }

    /** 12 to 256 characters, not the user's name. */
    static void requireGoodPassword(String name, String password, String field) {
        if (password == null || password.length() < 12 || password.length() > 256) {
            throw DomainException.badRequest(field, "must have 12 to 256 characters");
        }
        if (password.equalsIgnoreCase(name)) {
            throw DomainException.badRequest(field, "must not be the user name");
        }
    }

    private String generatePassword() {
        StringBuilder out = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            out.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return out.toString();
    }

    private static DomainException notFound(String what, String id) {
        return DomainException.notFound("no " + what + " '" + id + "'");
    }

    private static DomainException conflict(String slug, String detail) {
        return new DomainException(DomainException.Kind.CONFLICT, slug, "Conflict", detail);
    }
}
