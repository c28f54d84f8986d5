package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.registry.ListQuery;
import org.wardnet.core.registry.Page;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.RegistryQueries;
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

    private final Registry registry;
    private final BlockingWork writes;
    private final JsonCodec json;
    private final RequestBodies bodies;
    private final Paging paging;

    SiteResource(Registry registry, BlockingWork writes, JsonCodec json, Paging paging) {
        this.registry = registry;
        this.writes = writes;
        this.json = json;
        this.bodies = new RequestBodies(json);
        this.paging = paging;
    }

    CompletableFuture<ApiResponse> list(ApiRequest request) {
        ListQuery query = paging.query(request);
        Tier tier = tier(request.queryParam("tier"));
        org.wardnet.core.access.AccessScope scope = request.requireScope();
        Page<Site> page = scope.districtWide() ? registry.queries().sites(query, tier)
                : registry.queries().sites(query, tier, scope::covers);
        return done(HttpResponseStatus.OK, new Views.PageView<>(page.items().stream()
                .map(site -> Views.site(site, null)).toList(), query.limit(), Paging.cursor(page.nextId())));
    }

    CompletableFuture<ApiResponse> get(ApiRequest request) {
        Site site = RequestParams.site(registry, request, RequestParams.id(request));
        return done(HttpResponseStatus.OK, view(site));
    }

    CompletableFuture<ApiResponse> create(ApiRequest request) {
        SiteDraft draft = bodies.json(request, SiteDraft.class);
        requireParentInScope(request, draft);
        return writes.submit(() -> {
            Site site = registry.createSite(draft);
            return response(HttpResponseStatus.CREATED, view(site)).withHeader("Location", "/api/v1/sites/" + site.id());
        });
    }

    CompletableFuture<ApiResponse> replace(ApiRequest request) {
        String id = RequestParams.site(registry, request, RequestParams.id(request)).id();
        SiteDraft draft = bodies.json(request, SiteDraft.class);
        requireParentInScope(request, draft);
        return writes.submit(() -> response(HttpResponseStatus.OK, view(registry.replaceSite(id, draft))));
    }

    CompletableFuture<ApiResponse> delete(ApiRequest request) {
        String id = RequestParams.site(registry, request, RequestParams.id(request)).id();
        boolean cascade = RequestParams.flag(request, "cascade");
        return writes.submit(() -> {
            Registry.DeleteCount count = registry.deleteSite(id, cascade);
            return response(HttpResponseStatus.OK, new Deleted(id, count.sites(), count.cameras()));
        });
    }

    /** What a delete removed. */
    record Deleted(String id, int sites, int cameras) {
    }

    private Views.SiteView view(Site site) {
        RegistryQueries.DirectCounts counts = registry.queries().directCounts(site.id());
        return Views.site(site, new Views.Counts(counts.childSites(), counts.cameras()));
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

    /**
     * A site may only be placed under a parent in the caller's scope; a top-level site (no parent)
     * needs the whole district. A parent outside the scope answers as one that does not exist.
     */
    private void requireParentInScope(ApiRequest request, SiteDraft draft) {
        org.wardnet.core.access.AccessScope scope = request.requireScope();
        if (draft == null || scope.districtWide()) {
            return;
        }
        if (draft.parentId() == null) {
            throw new ApiException(Problem.of(HttpResponseStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "a site without a parent needs a grant on the whole district; yours apply to " + scope));
        }
        if (!scope.covers(draft.parentId())) {
            throw RequestParams.invalid("parentId", "no site '" + draft.parentId() + "' exists");
        }
    }
}
