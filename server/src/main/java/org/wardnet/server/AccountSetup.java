package org.wardnet.server;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.app.access.Accounts;
import org.wardnet.app.access.Authenticator;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.access.AccessScope;
import org.wardnet.core.access.Grant;
import org.wardnet.core.access.LoginThrottle;
import org.wardnet.core.access.RefusalWindows;
import org.wardnet.core.access.PasswordHasher;
import org.wardnet.core.access.Principal;
import org.wardnet.core.access.Role;
import org.wardnet.core.access.SiteTree;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.Site;
import org.wardnet.server.access.AccessControl;
import org.wardnet.server.audit.Auditing;
import org.wardnet.server.routes.Endpoint;
import org.wardnet.storage.StoreAnnouncements;
import org.wardnet.storage.access.AccessChangeListener;
import org.wardnet.storage.access.JdbcUserStore;

/**
 * The server's identity parts wired from configuration: the user store, the token
 * authenticator, the account rules, and the first administrator on a store without users. On
 * PostgreSQL it also hears the access changes other servers on the database make
 * ({@link AccessChangeListener}), so a token revoked there is refused here too.
 */
final class AccountSetup {

    private static final Logger LOG = LoggerFactory.getLogger(AccountSetup.class);

    private final Authenticator authenticator;
    private final Accounts accounts;
    private final SiteTree sites;
    private final String firstAdminPassword;
    private final boolean adminCreated;
    private final RefusalWindows refusals;

    private AccountSetup(Authenticator authenticator, Accounts accounts, SiteTree sites, String firstAdminPassword,
            boolean adminCreated, RefusalWindows refusals) {
        this.adminCreated = adminCreated;
        this.refusals = refusals;
        this.authenticator = authenticator;
        this.accounts = accounts;
        this.sites = sites;
        this.firstAdminPassword = firstAdminPassword;
    }

    static AccountSetup open(WardnetConfig config, DataSource dataSource, Registry registry, Clock clock) {
        JdbcUserStore users = new JdbcUserStore(dataSource);
        Authenticator authenticator = new Authenticator(users, clock);
        LoginThrottle throttle = new LoginThrottle(config.get(WardnetKeys.AUTH_LOGIN_FAILURES_PER_USER),
                config.get(WardnetKeys.AUTH_LOGIN_FAILURES_PER_ADDRESS),
                Duration.ofMinutes(config.get(WardnetKeys.AUTH_LOGIN_WINDOW_MINUTES)),
                org.wardnet.core.Ticker.system()); // a stepped clock neither prolongs nor cuts a hold
        Accounts accounts = new Accounts(users, new PasswordHasher(config.get(WardnetKeys.AUTH_PASSWORD_ITERATIONS)),
                authenticator, throttle, id -> registry.site(id).isPresent(), clock,
                new Accounts.Lifetimes(Duration.ofHours(config.get(WardnetKeys.AUTH_SESSION_HOURS)),
                        Duration.ofDays(config.get(WardnetKeys.AUTH_API_TOKEN_DAYS))));
        String admin = config.get(WardnetKeys.AUTH_ADMIN_USER);
        boolean fresh = !users.anyUser();
        String generated = accounts.ensureFirstAdmin(admin, config.get(WardnetKeys.AUTH_ADMIN_PASSWORD)).orElse(null);
        if (generated != null) {
            LOG.warn("created the first administrator '{}' with the one-time password {}; it is shown only now and"
                    + " must be changed at the first login (PUT /api/v1/me/password)", admin, generated);
        }
        SiteTree sites = id -> registry.site(id).map(Site::parentId).orElse(null);
        RefusalWindows refusals = new RefusalWindows(config.get(WardnetKeys.AUTH_REFUSALS_PER_ADDRESS),
                Duration.ofSeconds(config.get(WardnetKeys.AUTH_REFUSAL_WINDOW_SECONDS)), 100_000, clock,
                org.wardnet.core.Ticker.system()); // a stepped clock neither prolongs nor cuts a window
        return new AccountSetup(authenticator, accounts, sites, generated, fresh, refusals);
    }

    /** Hears other servers' access changes through {@code announcements} (PostgreSQL; H2 has one server). */
    void hearOtherServers(StoreAnnouncements announcements) {
        AccessChangeListener.listenOn(announcements, new AccessChangeListener.Changes() {
            @Override
            public void user(String name) {
                authenticator.forgetUser(name);
            }

            @Override
            public void token(String id) {
                authenticator.forgetToken(id);
            }

            @Override
            public void unheard() {
                authenticator.forgetAll();
            }
        });
    }

    Accounts accounts() {
        return accounts;
    }

    /** Who presents a token: the same cache the API's guard uses. */
    Authenticator authenticator() {
        return authenticator;
    }

    /** The site tree as access scopes read it. */
    SiteTree sites() {
        return sites;
    }

    String firstAdminPassword() {
        return firstAdminPassword;
    }

    /** Whether this start created the first administrator (the store had no user). */
    boolean adminCreated() {
        return adminCreated;
    }

    /** The routes with no guard: each request acts as a district-wide administrator (for measurement only). */
    static List<Endpoint> unguarded(List<Endpoint> endpoints) {
        Principal everyone = new Principal("unguarded",
                List.of(new Grant(Role.ADMIN,
                        Grant.DISTRICT)), "none", false);
        return endpoints.stream().map(endpoint -> endpoint.withHandler(request -> endpoint.handler().handle(
                request.withCaller(everyone, AccessScope.DISTRICT)))).toList();
    }

    /**
     * The guard in front of every route, recording refusals through {@code auditing} and reading
     * tokens not yet cached on {@code lookups}.
     */
    AccessControl control(Auditing auditing, BlockingWork lookups) {
        return new AccessControl(authenticator, sites, auditing, lookups, refusals);
    }
}
