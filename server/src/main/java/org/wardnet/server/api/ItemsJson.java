package org.wardnet.server.api;

import java.util.List;

/** A whole list answered at once, not paged: {@code {"items": [...]}}. */
record ItemsJson<T>(List<T> items) {
}
