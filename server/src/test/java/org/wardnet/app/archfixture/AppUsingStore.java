package org.wardnet.app.archfixture;

import org.wardnet.storage.clips.JdbcClipIndex;

/** Breaks the layering on purpose: a use case holding a concrete store instead of a core port. */
public final class AppUsingStore {

    private final JdbcClipIndex clips;

    public AppUsingStore(JdbcClipIndex clips) {
        this.clips = clips;
    }

    public JdbcClipIndex clips() {
        return clips;
    }
}
