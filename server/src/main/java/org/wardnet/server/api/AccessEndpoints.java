package org.wardnet.server.api;

import static io.netty.handler.codec.http.HttpMethod.DELETE;
import static io.netty.handler.codec.http.HttpMethod.GET;
import static io.netty.handler.codec.http.HttpMethod.POST;
import static io.netty.handler.codec.http.HttpMethod.PUT;
import static org.wardnet.core.access.Permission.USERS_ADMIN;
import static org.wardnet.server.routes.Access.AUTHENTICATED;
import static org.wardnet.server.routes.Access.PUBLIC;
import static org.wardnet.server.routes.Access.district;
import static org.wardnet.server.routes.Endpoint.NOT_AUDITED;
import static org.wardnet.server.routes.Operation.doc;
import static org.wardnet.server.routes.Operation.json;
import static org.wardnet.server.routes.Schemas.TEXT;
import static org.wardnet.server.routes.Schemas.ref;

import java.util.List;
import org.wardnet.server.routes.Endpoint;

/**
 * The routes of accounts: logins, one's own account and tokens, users, each declared once with its
 * handler, access rule, audit decision, body limit and OpenAPI operation.
 */
final class AccessEndpoints {

    private AccessEndpoints() {
    }

    static List<Endpoint> of(AccountResource account, UserResource users) {
        return List.of(
                Endpoint.of(POST, "/api/v1/login", account::login, PUBLIC, "auth.login",
                        doc("access", "Log in: a session token for the user's grants (failed logins are limited "
                                + "per name and per address; the answer never says whether the name exists)")
                                .body(json(ref("Login")))
                                .returns(200, "OK", json(ref("Session")))
                                .problem(400, "Malformed request")
                                .problem(401, "Wrong name or password, or a disabled account")
                                .problem(429, "Too many failed logins (Retry-After)")),
                Endpoint.of(POST, "/api/v1/logout", account::logout, AUTHENTICATED, "auth.logout",
                        doc("access", "Revoke the token of this request")
                                .returns(204, "Done")),
                Endpoint.of(GET, "/api/v1/me", account::me, AUTHENTICATED, NOT_AUDITED,
                        doc("access", "Who the token belongs to and its grants")
                                .returns(200, "OK", json(ref("Me")))),
                Endpoint.of(PUT, "/api/v1/me/password", account::changePassword, AUTHENTICATED, "auth.password",
                        doc("access", "Change one's own password; the user's other tokens are revoked")
                                .body(json(ref("PasswordChange")))
                                .returns(204, "Done")
                                .problem(400, "Unacceptable new password")
                                .problem(403, "Wrong current password")),
                Endpoint.of(GET, "/api/v1/tokens", account::tokens, AUTHENTICATED, NOT_AUDITED,
                        doc("access", "One's tokens (an administrator: ?user=), newest first, without their secrets")
                                .query("user", TEXT)
                                .returns(200, "OK", json(ref("TokenPage")))),
                Endpoint.of(POST, "/api/v1/tokens", account::createToken, AUTHENTICATED, "token.create",
                        doc("access", "Make an API token for a machine; its secret is in this answer only")
                                .body(json(ref("TokenInput")))
                                .returns(201, "Created", json(ref("Token")))
                                .problem(400, "Invalid token request")
                                .problem(404, "No such user")),
                Endpoint.of(DELETE, "/api/v1/tokens/{id}", account::revokeToken, AUTHENTICATED, "token.revoke",
                        doc("access", "Revoke a token (one's own; an administrator: anyone's)")
                                .path("id", TEXT)
                                .returns(204, "Done")
                                .problem(404, "No such token of the caller")
                                .problem(409, "Already revoked")),
                Endpoint.of(GET, "/api/v1/users", users::list, district(USERS_ADMIN), NOT_AUDITED,
                        doc("access", "Every user with its grants (district-wide administrators)")
                                .returns(200, "OK", json(ref("UserPage")))),
                Endpoint.of(POST, "/api/v1/users", users::create, district(USERS_ADMIN), "user.create",
                        doc("access", "Create a user with grants; a generated password is returned once")
                                .body(json(ref("UserInput")))
                                .returns(201, "Created", json(ref("UserCreated")))
                                .problem(400, "Invalid user")
                                .problem(409, "The name is taken")),
                Endpoint.of(GET, "/api/v1/users/{name}", users::get, district(USERS_ADMIN), NOT_AUDITED,
                        doc("access", "One user")
                                .path("name", TEXT)
                                .returns(200, "OK", json(ref("User")))
                                .problem(404, "No such user")),
                Endpoint.of(PUT, "/api/v1/users/{name}", users::update, district(USERS_ADMIN), "user.change",
                        doc("access", "Replace a user's grants and disabled flag (its cached tokens follow at once)")
                                .path("name", TEXT)
                                .body(json(ref("UserChange")))
                                .returns(200, "OK", json(ref("User")))
                                .problem(400, "Invalid grants")
                                .problem(404, "No such user")
                                .problem(409, "It is the last district-wide administrator")),
                Endpoint.of(DELETE, "/api/v1/users/{name}", users::delete, district(USERS_ADMIN), "user.delete",
                        doc("access", "Delete a user and its tokens")
                                .path("name", TEXT)
                                .returns(204, "Done")
                                .problem(404, "No such user")
                                .problem(409, "One's own account, or the last district-wide administrator")),
                Endpoint.of(PUT, "/api/v1/users/{name}/password", users::resetPassword,
                        district(USERS_ADMIN), "user.password",
                        doc("access", "Reset a user's password (generated when none is given, returned once); its "
                                + "tokens are revoked and it must change the password at its next login")
                                .path("name", TEXT)
                                .optionalBody(json(ref("PasswordReset")))
                                .returns(200, "OK", json(ref("UserCreated")))
                                .problem(400, "Unacceptable password")
                                .problem(404, "No such user")));
    }
}
