package org.wardnet.bench.federation;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.wardnet.core.federation.Change;
import org.wardnet.core.federation.NodeAccess;
import org.wardnet.core.federation.ParentLink;

/**
 * A parent link the benchmark can cut: while {@linkplain #cut cut}, every call fails as an
 * unreachable parent does, so one upward sync runs through the whole benchmark (as on a node,
 * where it lives as long as its journal) and meets a partition as it would in the field.
 */
final class GatedLink implements ParentLink {

    private final ParentLink link;
    private volatile boolean cut;

    GatedLink(ParentLink link) {
        this.link = Objects.requireNonNull(link, "link");
    }

    void cut() {
        cut = true;
    }

    void mend() {
        cut = false;
    }

    @Override
    public Resume resume() {
        refuseIfCut();
        return link.resume();
    }

    @Override
    public void announce(NodeAccess access) {
        refuseIfCut();
        link.announce(access);
    }

    @Override
    public long push(List<Change> changes, long head) {
        refuseIfCut();
        return link.push(changes, head);
    }

    @Override
    public Outgoing prepare(List<Change> changes) {
        return link.prepare(changes);
    }

    @Override
    public long push(Outgoing batch, long head) {
        refuseIfCut();
        return link.push(batch, head);
    }

    @Override
    public CompletableFuture<Long> pushAfter(Outgoing batch, long after, long head) {
        if (cut) {
            return CompletableFuture.failedFuture(new Down("link cut by the benchmark", null));
        }
        return link.pushAfter(batch, after, head);
    }

    private void refuseIfCut() {
        if (cut) {
            throw new Down("link cut by the benchmark", null);
        }
    }
}
