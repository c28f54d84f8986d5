package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.registry.Sites;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.access.Caller;
import org.wardnet.core.registry.ListQuery;
import org.wardnet.core.registry.Page;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.Site;
import org.wardnet.core.registry.SiteDraft;
import org.wardnet.core.registry.Tier;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Problem;

/** {@code /api/v1/sites}: the tier tree. Reads answer from memory; writes go through the store. */
final class SiteResource {

    private final Sites sites;
    private final BlockingWork writes;
    private final JsonCodec json;
    private final RequestBodies bodies;
    private final Paging paging;

    SiteResource(Sites sites, BlockingWork writes, JsonCodec json, Paging paging) {
        this.sites = sites;
        this.writes = writes;
        this.json = json;
        this.bodies = new RequestBodies(json);
        this.paging = paging;
    }

    CompletableFuture<ApiResponse> list(ApiRequest request) {
        ListQuery query = paging.query(request);
        Page<Site> page = sites.list(request.caller(), query, tier(request.queryParam("tier")));
        return done(HttpResponseStatus.OK, new RegistryJson.PageJson<>(page.items().stream()
                .map(site -> RegistryJson.site(site, null)).toList(), query.limit(), Paging.cursor(page.nextId())));
    }

    CompletableFuture<ApiResponse> get(ApiRequest request) {
        return done(HttpResponseStatus.OK, view(sites.get(request.caller(), RequestParams.id(request))));
    }

    CompletableFuture<ApiResponse> create(ApiRequest request) {
        SiteDraft draft = bodies.json(request, SiteDraft.class);
        Caller caller = request.caller();
        return writes.submit(() -> {
            Sites.Counted site = sites.create(caller, draft);
            return response(HttpResponseStatus.CREATED, view(site))
                    .withHeader("Location", "/api/v1/sites/" + site.site().id());
        });
    }

    CompletableFuture<ApiResponse> replace(ApiRequest request) {
        String id = RequestParams.id(request);
        SiteDraft draft = bodies.json(request, SiteDraft.class);
        Caller caller = request.caller();
        return writes.submit(() -> response(HttpResponseStatus.OK, view(sites.replace(caller, id, draft))));
    }

    CompletableFuture<ApiResponse> delete(ApiRequest request) {
        String id = RequestParams.id(request);
        boolean cascade = RequestParams.flag(request, "cascade");
        Caller caller = request.caller();
        return writes.submit(() -> {
            Registry.DeleteCount count = sites.delete(caller, id, cascade);
            return response(HttpResponseStatus.OK, new Deleted(id, count.sites(), count.cameras()));
        });
    }

    /** What a delete removed. */
    record Deleted(String id, int sites, int cameras) {
    }

    private static RegistryJson.SiteJson view(Sites.Counted site) {
        return RegistryJson.site(site.site(), new RegistryJson.CountsJson(site.childSites(), site.cameras()));
    }

    private ApiResponse response(HttpResponseStatus status, Object body) {
        return ApiResponse.json(status, json.write(body));
    }

    private CompletableFuture<ApiResponse> done(HttpResponseStatus status, Object body) {
        return CompletableFuture.completedFuture(response(status, body));
    }

    private static Tier tier(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Tier.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(Problem.badRequest("query parameter 'tier' must be CENTER, SUBSTATION or ROOM,"
                    + " got '" + text + "'"));
        }
    }
}
