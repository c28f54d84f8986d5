package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.access.Accounts;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.access.Grant;
import org.wardnet.core.access.Role;
import org.wardnet.core.access.User;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Problem;

/**
 * {@code /api/v1/users}: accounts and their grants, for district-wide administrators. A generated
 * password is in the answer that made it, once, and must be changed at the user's first login.
 */
final class UserResource {

    private final Accounts accounts;
    private final BlockingWork auth;
    private final JsonCodec json;
    private final RequestBodies bodies;

    UserResource(Accounts accounts, BlockingWork auth, JsonCodec json) {
        this.accounts = accounts;
        this.auth = auth;
        this.json = json;
        this.bodies = new RequestBodies(json);
    }

    record GrantBody(String role, String site) {
    }

    record NewUser(String name, String password, List<GrantBody> grants) {
    }

    record UserChange(List<GrantBody> grants, Boolean disabled) {
    }

    record PasswordReset(String password) {
    }

    record CreatedView(AccountResource.UserView user, String oneTimePassword) {
    }

    CompletableFuture<ApiResponse> list(ApiRequest request) {
        return auth.submit(() -> ok(HttpResponseStatus.OK, new ItemsJson<>(accounts.all().stream()
                .map(AccountResource::view).toList())));
    }

    CompletableFuture<ApiResponse> get(ApiRequest request) {
        String name = request.pathParam("name");
        return auth.submit(() -> ok(HttpResponseStatus.OK, AccountResource.view(accounts.find(name)
                .orElseThrow(() -> notFound(name)))));
    }

    CompletableFuture<ApiResponse> create(ApiRequest request) {
        NewUser body = bodies.json(request, NewUser.class);
        if (body == null || body.name() == null) {
            throw RequestParams.invalid("name", "a user needs a name");
        }
        List<Grant> grants = grants(body.grants());
        return auth.submit(() -> {
            Accounts.Created created = accounts.createUser(body.name(), body.password(), grants, null);
            return ok(HttpResponseStatus.CREATED, new CreatedView(AccountResource.view(created.user()),
                    created.oneTimePassword())).withHeader("Location", "/api/v1/users/" + created.user().name());
        });
    }

    CompletableFuture<ApiResponse> update(ApiRequest request) {
        String name = request.pathParam("name");
        UserChange body = bodies.json(request, UserChange.class);
        if (body == null || body.grants() == null) {
            throw RequestParams.invalid("grants", "give the user's complete list of grants (may be empty)");
        }
        List<Grant> grants = grants(body.grants());
        return auth.submit(() -> ok(HttpResponseStatus.OK, AccountResource.view(accounts.update(name, grants,
                Boolean.TRUE.equals(body.disabled())))));
    }

    CompletableFuture<ApiResponse> delete(ApiRequest request) {
        String name = request.pathParam("name");
        return auth.submit(() -> {
            accounts.delete(name, request.principal());
            return ApiResponse.noContent();
        });
    }

    CompletableFuture<ApiResponse> resetPassword(ApiRequest request) {
        String name = request.pathParam("name");
        PasswordReset body = request.body().length == 0 ? new PasswordReset(null)
                : bodies.json(request, PasswordReset.class);
        return auth.submit(() -> {
            Accounts.Created reset = accounts.resetPassword(name, body == null ? null : body.password());
            return ok(HttpResponseStatus.OK, new CreatedView(AccountResource.view(reset.user()),
                    reset.oneTimePassword()));
        });
    }

    private static List<Grant> grants(List<GrantBody> bodies) {
        List<Grant> grants = new ArrayList<>();
        if (bodies == null) {
            return grants;
        }
        for (int i = 0; i < bodies.size(); i++) {
            GrantBody g = bodies.get(i);
            if (g == null || g.role() == null || g.site() == null) {
                throw RequestParams.invalid("grants[" + i + "]", "a grant needs a role and a site ('*' for the whole"
                        + " district)");
            }
            try {
                grants.add(new Grant(Role.parse(g.role()), g.site()));
            } catch (IllegalArgumentException e) {
                throw RequestParams.invalid("grants[" + i + "].role", e.getMessage());
            }
        }
        return grants;
    }

    private static ApiException notFound(String name) {
        String shown = User.nameProblem(name) == null ? name : "(invalid name)";
        return new ApiException(Problem.of(HttpResponseStatus.NOT_FOUND, "not-found", "Not found",
                "no user '" + shown + "'"));
    }

    private ApiResponse ok(HttpResponseStatus status, Object body) {
        return ApiResponse.json(status, json.write(body));
    }
}
