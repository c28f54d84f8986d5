package org.wardnet.core.access;

/** The parent of a site, or null for a top-level or unknown site: all a scope needs of the registry. */
@FunctionalInterface
public interface SiteTree {
    String parentOf(String siteId);
}
