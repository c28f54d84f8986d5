package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.access.Accounts;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.access.AccessToken;
import org.wardnet.core.access.Grant;
import org.wardnet.core.access.User;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Problem;

/**
 * {@code /api/v1/login}, {@code /logout}, {@code /me} and {@code /tokens}: a caller's own session
 * and tokens. Password work runs on the bounded auth executor, so a flood of logins queues there
 * (and gets 503 when full) instead of stalling the event loops.
 */
final class AccountResource {

    private final Accounts accounts;
    private final BlockingWork auth;
    private final JsonCodec json;
    private final RequestBodies bodies;

    AccountResource(Accounts accounts, BlockingWork auth, JsonCodec json) {
        this.accounts = accounts;
        this.auth = auth;
        this.json = json;
        this.bodies = new RequestBodies(json);
    }

    record Login(String user, String password) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    record TokenRequest(String label, String user, String expiresAt) {
    }

    record GrantView(String role, String site) {
        static List<GrantView> of(List<Grant> grants) {
            return grants.stream().map(g -> new GrantView(g.role().wireName(), g.siteId())).toList();
        }
    }

    record TokenView(String id, String user, String kind, String label, Instant created, Instant expiresAt,
            Instant revokedAt, String token) {
        static TokenView of(AccessToken t, String secret) {
            return new TokenView(t.id(), t.user(), t.kind().name().toLowerCase(Locale.ROOT), t.label(),
                    t.created(), t.expires(), t.revoked(), secret);
        }
    }

    record SessionView(String token, String tokenId, Instant expiresAt, String user, List<GrantView> grants,
            boolean mustChangePassword) {
    }

    record MeView(String user, List<GrantView> grants, String tokenId, boolean mustChangePassword) {
    }

    CompletableFuture<ApiResponse> login(ApiRequest request) {
        Login login = bodies.json(request, Login.class);
        if (login == null || login.user() == null || login.password() == null) {
            throw new ApiException(Problem.badRequest("a login needs 'user' and 'password'"));
        }
        String address = request.remoteAddress();
        return auth.submit(() -> {
            Accounts.Issued issued = accounts.login(login.user(), login.password(), address);
            return ok(HttpResponseStatus.OK, new SessionView(issued.secret(), issued.token().id(),
                    issued.token().expires(), issued.user().name(), GrantView.of(issued.user().grants()),
                    issued.user().mustChangePassword()));
        });
    }

    CompletableFuture<ApiResponse> logout(ApiRequest request) {
        return auth.submit(() -> {
            accounts.logout(request.principal());
            return ApiResponse.noContent();
        });
    }

    CompletableFuture<ApiResponse> me(ApiRequest request) {
        var p = request.principal();
        return CompletableFuture.completedFuture(ok(HttpResponseStatus.OK,
                new MeView(p.user(), GrantView.of(p.grants()), p.tokenId(), p.mustChangePassword())));
    }

    CompletableFuture<ApiResponse> changePassword(ApiRequest request) {
        PasswordChange change = bodies.json(request, PasswordChange.class);
        if (change == null || change.newPassword() == null) {
            throw new ApiException(Problem.badRequest("a password change needs 'currentPassword' and 'newPassword'"));
        }
        return auth.submit(() -> {
            accounts.changeOwnPassword(request.principal(), change.currentPassword(), change.newPassword());
            return ApiResponse.noContent();
        });
    }

    CompletableFuture<ApiResponse> createToken(ApiRequest request) {
        TokenRequest body = bodies.json(request, TokenRequest.class);
        if (body == null || body.label() == null || body.label().isBlank()) {
            throw new ApiException(Problem.badRequest("a token needs a 'label' saying what will use it"));
        }
        Instant expires = body.expiresAt() == null ? null : parseTime(body.expiresAt());
        return auth.submit(() -> {
            Accounts.Issued issued = accounts.createToken(request.principal(), body.user(), body.label().strip(),
                    expires);
            return ok(HttpResponseStatus.CREATED, TokenView.of(issued.token(), issued.secret()))
                    .withHeader("Location", "/api/v1/tokens");
        });
    }

    CompletableFuture<ApiResponse> tokens(ApiRequest request) {
        String user = request.queryParam("user");
        return auth.submit(() -> ok(HttpResponseStatus.OK, new ItemsJson<>(accounts.tokens(
                request.principal(), user).stream().map(t -> TokenView.of(t, null)).toList())));
    }

    CompletableFuture<ApiResponse> revokeToken(ApiRequest request) {
        String id = request.pathParam("id");
        return auth.submit(() -> {
            accounts.revokeToken(request.principal(), id);
            return ApiResponse.noContent();
        });
    }

    static UserView view(User user) {
        return new UserView(user.name(), GrantView.of(user.grants()), user.disabled(), user.mustChangePassword(),
                user.created(), user.updated());
    }

    record UserView(String name, List<GrantView> grants, boolean disabled, boolean mustChangePassword,
            Instant created, Instant updated) {
    }

    private static Instant parseTime(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw RequestParams.invalid("expiresAt", "must be an ISO-8601 instant such as 2027-01-31T00:00:00Z, got '"
                    + text + "'");
        }
    }

    private ApiResponse ok(HttpResponseStatus status, Object body) {
        return ApiResponse.json(status, json.write(body));
    }
}
