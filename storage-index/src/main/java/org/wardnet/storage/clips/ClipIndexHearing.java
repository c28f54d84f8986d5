package org.wardnet.storage.clips;

import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * What a server does with the clip index changes other servers sharing its PostgreSQL store
 * announce (migration V21, channel {@value #CHANNEL}): {@code hour:<start hour>} when a slice of
 * that hour was opened (the hour is read again before the next query of it), {@code longest:<ms>}
 * when a batch raised the longest clip's duration. Anything else: every hour is read again.
 */
final class ClipIndexHearing implements Consumer<String> {

    /** The channel the database announces the index's changes on. */
    static final String CHANNEL = "wardnet_clips";

    private final ClipSlices slices;
    private final LongConsumer longest;

    ClipIndexHearing(ClipSlices slices, LongConsumer longest) {
        this.slices = slices;
        this.longest = longest;
    }

    @Override
    public void accept(String change) {
        try {
            if (change.startsWith("hour:")) {
                slices.forget(Integer.parseInt(change.substring(5)));
                return;
            }
            if (change.startsWith("longest:")) {
                longest.accept(Long.parseLong(change.substring(8)));
                return;
            }
        } catch (NumberFormatException e) {
            // fall through: read everything again
        }
        slices.forgetAll();
    }
}
