package org.wardnet.server.access;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.wardnet.app.access.Authenticator;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.access.AccessScope;
import org.wardnet.core.access.Permission;
import org.wardnet.core.access.Principal;
import org.wardnet.core.access.RefusalWindows;
import org.wardnet.core.access.SiteTree;
import org.wardnet.core.errors.DomainException;
import org.wardnet.server.audit.Auditing;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.Problem;
import org.wardnet.server.http.Router;
import org.wardnet.server.routes.Access;
import org.wardnet.server.routes.Endpoint;

/**
 * Enforces each route's declared {@link Access} in front of it: authenticates the bearer token, checks the
 * route's permission, and hands the handler the caller and its scope. A refused request on an
 * audited route is written to the audit trail before it is answered, so attempts are accountable
 * too.
 *
 * <p>Missing or bad tokens answer 401 with {@code WWW-Authenticate: Bearer}; a role without the
 * permission answers 403 (which reveals no ids, only what the caller's own roles lack). A user
 * with a generated first password may only change it, read itself and log out.
 */
public final class AccessControl {

    private static final Set<String> BEFORE_PASSWORD_CHANGE = Set.of("PUT /api/v1/me/password",
            "POST /api/v1/logout", "GET /api/v1/me");

    private final Authenticator authenticator;
    private final SiteTree sites;
    private final Auditing auditing;
    private final BlockingWork lookups;
    private final RefusalWindows refusals;

    /**
     * @param lookups  where tokens not yet cached are read from the store (bounded: a flood gets 503s)
     * @param refusals how many requests without valid credentials each address has had refused
     */
    public AccessControl(Authenticator authenticator, SiteTree sites, Auditing auditing,
            BlockingWork lookups, RefusalWindows refusals) {
        this.refusals = refusals;
        this.authenticator = authenticator;
        this.sites = sites;
        this.auditing = auditing;
        this.lookups = lookups;
    }

    /** The endpoints, each but the public ones guarded by its access rule. */
    public List<Endpoint> apply(List<Endpoint> endpoints) {
        List<Endpoint> out = new ArrayList<>(endpoints.size());
        for (Endpoint endpoint : endpoints) {
            Router.Handler handler = endpoint.handler();
            out.add(endpoint.access().kind() == Access.Kind.PUBLIC ? endpoint
                    : endpoint.withHandler(request -> guarded(endpoint, handler, request)));
        }
        return out;
    }

    private CompletableFuture<ApiResponse> guarded(Endpoint endpoint, Router.Handler handler, ApiRequest request) {
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        Principal known;
        try {
            known = authenticator.cached(authorization);
        } catch (DomainException denied) {
            return unauthenticated(endpoint, request, denied);
        }
        if (known != null) {
            return admitted(endpoint, handler, request, known);
        }
        return lookups.submit(() -> authenticator.lookUp(authorization)).handle((principal, error) -> {
            if (error == null) {
                return admitted(endpoint, handler, request, principal);
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            return cause instanceof DomainException denied ? unauthenticated(endpoint, request, denied)
                    : CompletableFuture.<ApiResponse>failedFuture(cause);
        }).thenCompose(answer -> answer);
    }

    /**
     * A request without valid credentials: answered 401 and audited, unless its address is over
     * its refusals for the window; then 429, counted into one audit entry per window ({@link #flushRefusals}).
     */
    private CompletableFuture<ApiResponse> unauthenticated(Endpoint endpoint, ApiRequest request,
            DomainException denied) {
        long wait = refusals.refused(request.remoteAddress());
        if (wait == 0) {
            return auditing.denied(endpoint, request, denied);
        }
        return CompletableFuture.failedFuture(new ApiException(Problem.of(HttpResponseStatus.TOO_MANY_REQUESTS,
                "too-many-refusals", "Too many refused requests", "this address sent more requests without valid"
                        + " credentials than allowed (auth.refusalsPerAddress per auth.refusalWindowSeconds); log in,"
                        + " or wait").withExtension("retryAfterSeconds", wait)));
    }

    /** Writes one audit entry for each address whose refusal window is over and had refusals counted only. */
    public void flushRefusals() {
        for (RefusalWindows.Suppressed window : refusals.finished()) {
            auditing.refusalsCounted(window);
        }
    }

    private CompletableFuture<ApiResponse> admitted(Endpoint endpoint, Router.Handler handler, ApiRequest request,
            Principal principal) {
        Access rule = endpoint.access();
        AccessScope scope = null;
        try {
            if (principal.mustChangePassword() && !BEFORE_PASSWORD_CHANGE.contains(endpoint.key())) {
                throw forbidden("password-change-required", "Password change required", "this account has a generated"
                        + " first password: set your own with PUT /api/v1/me/password before anything else");
            }
            if (rule.kind() != Access.Kind.AUTHENTICATED) {
                scope = principal.scope(rule.permission(), sites);
                if (scope.isEmpty()) {
                    throw forbidden("forbidden", "Forbidden", "your roles do not include " + describe(rule.permission())
                            + "; ask an administrator for a role that does");
                }
                if (rule.kind() == Access.Kind.DISTRICT && !scope.districtWide()) {
                    throw forbidden("forbidden", "Forbidden", describe(rule.permission()) + " on this resource needs a"
                            + " grant on the whole district; yours apply to " + scope);
                }
            }
        } catch (DomainException denied) {
            return auditing.denied(endpoint, request.withCaller(principal, scope), denied);
        }
        try {
            return handler.handle(request.withCaller(principal, scope));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static String describe(Permission permission) {
        return permission.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static DomainException forbidden(String code, String title, String detail) {
        return new DomainException(DomainException.Kind.FORBIDDEN, code, title, detail);
    }
}
