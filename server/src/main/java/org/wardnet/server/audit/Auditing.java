package org.wardnet.server.audit;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.adapters.federation.HttpNodeFootage;
import org.wardnet.app.federation.ParentAccount;
import org.wardnet.core.access.User;
import org.wardnet.app.audit.AuditLog;
import org.wardnet.core.access.RefusalWindows;
import org.wardnet.core.audit.AuditEntry;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.Problem;
import org.wardnet.server.http.ProblemWriter;
import org.wardnet.server.http.Router;
import org.wardnet.server.routes.Endpoint;

/**
 * Writes requests into the audit trail as their routes declare ({@link Endpoint#audit}): every
 * footage-related request and every change to the registry, the street network or the links, with
 * its result. Every route declares a decision, recorded or deliberately not; a route without one
 * cannot be declared.
 *
 * <p>A recorded request is answered only once its entry is stored; when the trail cannot take it,
 * the request fails with 503 rather than going unrecorded.
 */
public final class Auditing {

    private static final Logger LOG = LoggerFactory.getLogger(Auditing.class);

    private final AuditLog log;
    private final ProblemWriter.ExceptionTranslator translator;
    private final Clock clock;

    public Auditing(AuditLog log, ProblemWriter.ExceptionTranslator translator, Clock clock) {
        this.log = log;
        this.translator = translator;
        this.clock = clock;
    }

    /** The endpoints with every audited one's handler wrapped, so each call is recorded before it is answered. */
    public List<Endpoint> apply(List<Endpoint> endpoints) {
        List<Endpoint> out = new ArrayList<>(endpoints.size());
        for (Endpoint endpoint : endpoints) {
            Router.Handler handler = endpoint.handler();
            out.add(endpoint.audited() ? endpoint.withHandler(request -> recorded(endpoint.audit(), handler, request))
                    : endpoint);
        }
        return out;
    }

    private CompletableFuture<ApiResponse> recorded(String action, Router.Handler handler, ApiRequest request) {
        CompletableFuture<ApiResponse> answer;
        try {
            answer = handler.handle(request);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.handle(Outcome::new).thenCompose(outcome -> log.record(draft(action, request, status(outcome)))
                .handle((entry, auditFailure) -> {
                    if (auditFailure != null) {
                        throw new CompletionException(unavailable());
                    }
                    if (outcome.error() != null) {
                        throw outcome.error() instanceof CompletionException c ? c : new CompletionException(outcome.error());
                    }
                    return outcome.response();
                }));
    }

    /**
     * A request refused before its handler ran (no valid token, no permission): recorded when its
     * route is audited, then failed with {@code refusal}.
     */
    public CompletableFuture<ApiResponse> denied(Endpoint endpoint, ApiRequest request, RuntimeException refusal) {
        String action = endpoint.audit();
        if (!endpoint.audited()) {
            return CompletableFuture.failedFuture(refusal);
        }
        return log.record(draft(action, request, status(new Outcome(null, refusal)))).handle((entry, failure) -> {
            throw new CompletionException(failure != null ? unavailable() : refusal);
        });
    }

    /**
     * One entry for a window in which an address's requests without valid credentials were
     * answered 429 and only counted: action {@code auth.refusals}, result 429, the count and the
     * window in the target. Linked into the chain like every entry; a failure to write is logged.
     */
    public void refusalsCounted(RefusalWindows.Suppressed window) {
        log.record(new AuditEntry.Draft(clock.instant(), "anonymous", null, window.address(), "auth.refusals",
                "count=" + window.count() + " from=" + window.from() + " to=" + window.to(), 429))
                .whenComplete((entry, failure) -> {
                    if (failure != null) {
                        LOG.warn("the count of {} refusals from {} could not be audited: {}", window.count(),
                                window.address(), failure.toString());
                    }
                });
    }

    private AuditEntry.Draft draft(String action, ApiRequest request, int status) {
        return new AuditEntry.Draft(clock.instant(), actor(action, request),
                request.scope() == null ? null : request.scope().toString(), request.remoteAddress(), action,
                target(request), status);
    }

    private static final Pattern LOGIN_USER = Pattern.compile(
            "\"user\"\\s*:\\s*\"([A-Za-z0-9._-]{1,64})\"");

    /**
     * The caller; for a login, the name it tried ("login:NAME"), so guessing at an account shows in
     * the trail under that account. A name that cannot exist is not copied.
     */
    private static String actor(String action, ApiRequest request) {
        if (request.principal() != null) {
            String user = request.principal().user();
            if (!user.equals(ParentAccount.NAME)) {
                return user;
            }
            String behalf = request.headers().get(HttpNodeFootage.ON_BEHALF_OF);
            return behalf != null && User.nameProblem(behalf) == null
                    ? user + " for " + behalf // the parent node acting for one of its users
                    : user;
        }
        if (action.equals("auth.login") && request.body().length <= 4_096) {
            Matcher user = LOGIN_USER.matcher(new String(request.body(),
                    StandardCharsets.UTF_8));
            return user.find() ? "login:" + user.group(1) : "anonymous";
        }
        return "anonymous";
    }

    private static ApiException unavailable() {
        return new ApiException(Problem.of(HttpResponseStatus.SERVICE_UNAVAILABLE, "audit-unavailable",
                "Audit trail unavailable", "the request cannot be recorded in the audit trail (its store does not"
                        + " answer), so it is refused; retry shortly").withExtension("retryAfterSeconds", 5));
    }

    private record Outcome(ApiResponse response, Throwable error) {
    }

    private int status(Outcome outcome) {
        if (outcome.response() != null) {
            return outcome.response().status().code();
        }
        Throwable error = outcome.error() instanceof CompletionException c && c.getCause() != null ? c.getCause()
                : outcome.error();
        if (error instanceof ApiException api) {
            return api.problem().status().code();
        }
        Problem translated = translator.translate(error);
        return translated == null ? 500 : translated.status().code();
    }

    private static String target(ApiRequest request) {
        Map<String, List<String>> query = request.query();
        if (query.isEmpty()) {
            return request.path();
        }
        StringBuilder target = new StringBuilder(request.path().length() + 160).append(request.path());
        // In a fixed order, so the same request reads the same in the trail: an insertion sort, as a
        // request has a few parameters.
        String[] names = new String[query.size()];
        int count = 0;
        for (String name : query.keySet()) {
            int at = count++;
            while (at > 0 && names[at - 1].compareTo(name) > 0) {
                names[at] = names[at - 1];
                at--;
            }
            names[at] = name;
        }
        char separator = '?';
        for (String name : names) {
            for (String value : query.get(name)) {
                target.append(separator).append(name).append('=').append(value);
                separator = '&';
            }
        }
        return target.toString();
    }
}
