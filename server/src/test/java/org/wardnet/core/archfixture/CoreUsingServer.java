package org.wardnet.core.archfixture;

import org.wardnet.server.http.ApiRequest;

/** Breaks the layering on purpose: the domain reaching up into the server's HTTP types. */
public final class CoreUsingServer {

    public String path(ApiRequest request) {
        return request.path();
    }
}
