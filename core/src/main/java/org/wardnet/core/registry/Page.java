package org.wardnet.core.registry;

import java.util.List;

/**
 * One page of a list ordered by id.
 *
 * @param items  at most the requested limit
 * @param nextId the id after which the next page starts; null on the last page
 * @param <T>    item type
 */
public record Page<T>(List<T> items, String nextId) {

    public Page {
        items = List.copyOf(items);
    }
}
