package org.wardnet.core.registry;

import java.util.Locale;

/**
 * What a list request asks for: items ordered by id, after {@code afterId}, at most {@code limit},
 * optionally only within the subtree of {@code siteId} and matching {@code text}.
 *
 * @param afterId exclusive start; null for the first page
 * @param limit   at least 1
 * @param siteId  restrict to this site and everything under it; null for all
 * @param text    case-insensitive substring of the id or name; null for all
 */
public record ListQuery(String afterId, int limit, String siteId, String text) {

    public ListQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        text = text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
    }

    boolean matchesText(String id, String name) {
        return text == null || id.toLowerCase(Locale.ROOT).contains(text)
                || name.toLowerCase(Locale.ROOT).contains(text);
    }
}
