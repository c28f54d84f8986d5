package org.wardnet.server.ops;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;

/**
 * {@code /healthz} (the process answers), {@code /readyz} (the store takes a one-row write, the data
 * directory a new file, and every event loop runs a task, each within two seconds; 503 with the
 * reasons otherwise) and
 * {@code /metrics}. Checks run on their own executor, so a busy write queue cannot make the
 * readiness probe wait behind it.
 */
public final class OpsResource {

    /** Answers whether the store is reachable and takes writes; throws with the reason when not. */
    @FunctionalInterface
    public interface StoreProbe {
        void ping(int timeoutSeconds) throws Exception;
    }

    /** Names the event loops that did not run a task in time. */
    @FunctionalInterface
    public interface LoopProbe {
        List<String> unresponsive(Duration within) throws InterruptedException;
    }

    private static final int CHECK_SECONDS = 2;

    private final StoreProbe store;
    private final LoopProbe loops;
    private final Metrics metrics;
    private final JsonCodec json;
    private final ExecutorService checks;

    public OpsResource(StoreProbe store, LoopProbe loops, Metrics metrics, JsonCodec json, ExecutorService checks) {
        this.store = store;
        this.loops = loops;
        this.metrics = metrics;
        this.json = json;
        this.checks = checks;
    }

    public CompletableFuture<ApiResponse> healthz(ApiRequest request) {
        return CompletableFuture.completedFuture(ApiResponse.json(HttpResponseStatus.OK,
                json.write(new StatusJson("up", null, null))));
    }

    public CompletableFuture<ApiResponse> readyz(ApiRequest request) {
        CompletableFuture<CheckJson> storeCheck = CompletableFuture.supplyAsync(() -> check(() -> {
            store.ping(CHECK_SECONDS);
            return null;
        }), checks);
        CompletableFuture<CheckJson> loopCheck = CompletableFuture.supplyAsync(() -> check(() -> {
            List<String> slow = loops.unresponsive(Duration.ofSeconds(CHECK_SECONDS));
            return slow.isEmpty() ? null : "not responsive: " + String.join(", ", slow);
        }), checks);
        return storeCheck.thenCombine(loopCheck, (s, l) -> {
            boolean ready = s.ok() && l.ok();
            return ApiResponse.json(ready ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
                    json.write(new StatusJson(ready ? "ready" : "not ready", null, new ChecksJson(s, l))));
        }).completeOnTimeout(notReady("checks did not finish within " + 2 * CHECK_SECONDS + " s"),
                2L * CHECK_SECONDS, TimeUnit.SECONDS);
    }

    public CompletableFuture<ApiResponse> metrics(ApiRequest request) {
        return CompletableFuture.completedFuture(ApiResponse.text(HttpResponseStatus.OK,
                "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
    }

    private ApiResponse notReady(String reason) {
        return ApiResponse.json(HttpResponseStatus.SERVICE_UNAVAILABLE,
                json.write(new StatusJson("not ready", reason, null)));
    }

    /** A check's failure reason, or null when it passed. */
    private interface Check {
        String run() throws Exception;
    }

    /** Liveness or readiness; {@code reason} when the checks did not finish, {@code checks} when they did. */
    record StatusJson(String status, String reason, ChecksJson checks) {
    }

    record ChecksJson(CheckJson store, CheckJson eventLoops) {
    }

    /** One check: whether it passed, and why not. */
    record CheckJson(boolean ok, String reason) {
    }

    private static CheckJson check(Check check) {
        try {
            String problem = check.run();
            return new CheckJson(problem == null, problem);
        } catch (Exception e) {
            return new CheckJson(false, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
