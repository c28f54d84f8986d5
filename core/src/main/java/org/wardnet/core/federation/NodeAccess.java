package org.wardnet.core.federation;

import java.net.URI;
import java.util.Objects;

/**
 * How a parent reaches a child node's API, as the child announces it after each resume: its
 * address, the certificate to pin for it (PEM; null for plain HTTP or a certificate the JDK
 * already trusts), and a token of an account the child made for its parent, scoped to the
 * child's subtree. The parent fetches footage media and exports with it on its users' behalf.
 */
public record NodeAccess(String url, String certificatePem, String token) {

    public NodeAccess {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
        URI parsed = URI.create(url);
        if (!("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme())) || parsed.getHost() == null) {
            throw new IllegalArgumentException("a node's address is http(s)://host:port, not '" + url + "'");
        }
        if (token.isBlank() || token.length() > 512) {
            throw new IllegalArgumentException("a node's access token has 1 to 512 characters");
        }
        if (certificatePem != null && (certificatePem.length() > 64_000 || !certificatePem.contains("BEGIN CERTIFICATE"))) {
            throw new IllegalArgumentException("the certificate is one or more PEM certificates, at most 64 KB");
        }
    }

    /** Without the token, for logs and answers. */
    @Override
    public String toString() {
        return "NodeAccess[" + url + (certificatePem == null ? "" : ", pinned") + "]";
    }
}
