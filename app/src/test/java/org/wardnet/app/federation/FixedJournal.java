package org.wardnet.app.federation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wardnet.core.federation.Change;
import org.wardnet.core.federation.SyncJournal;

/** A journal of {@code count} entries of one kind, numbered from 1, that never prunes: the sync tests' node. */
final class FixedJournal implements SyncJournal {
    private final List<Change> entries = new ArrayList<>();

    FixedJournal(int count, Change.Kind kind) {
        for (long seq = 1; seq <= count; seq++) {
            entries.add(new Change(seq, kind, Change.Op.PUT, kind == Change.Kind.CLIP ? Long.toString(seq)
                    : "cam-" + seq, "{}", Instant.EPOCH));
        }
    }

    @Override
    public List<Change> after(long afterSeq, int limit) {
        return entries.stream().filter(c -> c.seq() > afterSeq).limit(limit).toList();
    }

    @Override
    public long watermark() {
        return entries.size();
    }

    @Override
    public long oldest() {
        return 1;
    }

    @Override
    public long highestAtOpen() {
        return entries.size();
    }

    @Override
    public int prune(long upToSeq) {
        return 0;
    }
}
