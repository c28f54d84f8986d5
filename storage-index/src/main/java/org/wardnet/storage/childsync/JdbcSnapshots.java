package org.wardnet.storage.childsync;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.errors.StoreUnavailableException;
import org.wardnet.core.federation.Change;
import org.wardnet.core.federation.RecordEncoder;
import org.wardnet.core.federation.Snapshots;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.RegistryStore;
import org.wardnet.core.registry.Site;
import org.wardnet.storage.clips.JdbcClipIndex;
import org.wardnet.storage.federation.JdbcSyncJournal;
import org.wardnet.storage.health.JdbcHealthHistory;

/**
 * A full re-send into the journal: {@code begin}; the sites (each after its parent) and cameras;
 * the latest state of every subject (as STATE, not history); every clip row, {@value #CLIPS_PER_STEP}
 * per transaction; then {@code end}, naming the sites and cameras that exist at that moment and
 * the {@code begin}'s number. The node keeps working meanwhile: what changes during the re-send is
 * journaled in between, in order, and applying it is idempotent.
 *
 * <p>Each part is read from the committed tables only once every journal number below its own
 * entry has ended: a write numbered at or below what the parent has applied (so never sent itself)
 * but still committing when the re-send began is then in the snapshot, and the {@code end}'s list
 * agrees with every entry before it. Reading the in-memory registry instead would miss a write
 * committed but not yet in memory, and the parent would drop that camera at {@code end}.
 *
 * <p>Limits: the journal holds a second copy of the clip index until the parent has acknowledged
 * it (for a room of 20 cameras and a year at one clip a minute, about 10 million rows). A clip row
 * deleted by retention while its page is still to be read is deleted at the parent before the page
 * puts it back; the parent then keeps it until its own retention removes it. A transaction open
 * for more than {@value #SETTLE_MILLIS} ms fails the re-send, which the caller retries.
 */
public final class JdbcSnapshots implements Snapshots {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSnapshots.class);
    static final int CLIPS_PER_STEP = 10_000;
    static final long SETTLE_MILLIS = 60_000;

    private final JdbcSyncJournal journal;
    private final RecordEncoder encoder;
    private final Supplier<RegistryStore.Snapshot> registry;
    private final JdbcHealthHistory history;
    private final JdbcClipIndex clips;

    /** @param registry the registry's sites and cameras as committed now (not the in-memory copy) */
    public JdbcSnapshots(JdbcSyncJournal journal, RecordEncoder encoder, Supplier<RegistryStore.Snapshot> registry,
            JdbcHealthHistory history, JdbcClipIndex clips) {
        this.journal = journal;
        this.encoder = encoder;
        this.registry = registry;
        this.history = history;
        this.clips = clips;
    }

    @Override
    public long journalAll(long after) {
        journal.skipPast(after);
        long[] begin = {0};
        long written = 0;
        try {
            journal.run((connection, entries) -> {
                begin[0] = entries.put(Change.Kind.SNAPSHOT, "begin", "{}");
                settleBelow(begin[0]);
                RegistryStore.Snapshot committed = registry.get();
                for (Site site : parentsFirst(committed.sites())) {
                    entries.put(Change.Kind.SITE, site.id(), encoder.site(site));
                }
                for (Camera camera : committed.cameras()) {
                    entries.put(Change.Kind.CAMERA, camera.id(), encoder.camera(camera));
                }
                for (HealthEvent state : history.latestStates()) {
                    entries.put(Change.Kind.STATE, state.id(), encoder.healthEvent(state));
                }
            });
            long lastId = 0;
            for (List<Clip> page = clips.page(lastId, CLIPS_PER_STEP); !page.isEmpty();
                    page = clips.page(lastId, CLIPS_PER_STEP)) {
                List<Clip> step = page;
                journal.run((connection, entries) -> {
                    for (Clip clip : step) {
                        entries.put(Change.Kind.CLIP, Long.toString(clip.id()), encoder.clip(clip));
                    }
                });
                written += step.size();
                lastId = step.get(step.size() - 1).id();
            }
            journal.run((connection, entries) -> entries.put(Change.Kind.SNAPSHOT, "end", end -> {
                settleBelow(end);
                return endPayload(begin[0], registry.get());
            }));
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot write the re-send into the journal: " + e.getMessage(), e);
        }
        LOG.warn("re-send journaled for the parent: everything from number {} ({} clip rows)", begin[0], written);
        return journal.watermark() - begin[0] + 1;
    }

    /** Waits until every journal number below {@code seq} has committed or rolled back. */
    private void settleBelow(long seq) throws SQLException {
        try {
            if (!journal.awaitDoneBelow(seq, SETTLE_MILLIS)) {
                throw new SQLException("writes numbered below " + seq + " were still open after " + SETTLE_MILLIS
                        + " ms; the re-send is tried again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for writes below " + seq + " to end", e);
        }
    }

    /** {@code {"begin":N,"sites":[...],"cameras":[...]}}: ids are [A-Za-z0-9._-], so no escaping is needed. */
    private static String endPayload(long begin, RegistryStore.Snapshot committed) {
        StringBuilder json = new StringBuilder("{\"begin\":").append(begin).append(",\"sites\":[");
        appendIds(json, committed.sites(), Site::id);
        json.append("],\"cameras\":[");
        appendIds(json, committed.cameras(), Camera::id);
        return json.append("]}").toString();
    }

    private static <T> void appendIds(StringBuilder json, List<T> records, Function<T, String> id) {
        for (int i = 0; i < records.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(id.apply(records.get(i))).append('"');
        }
    }

    /** Sites ordered so that each comes after its parent. */
    static List<Site> parentsFirst(List<Site> sites) {
        Map<String, Site> byId = new HashMap<>();
        sites.forEach(site -> byId.put(site.id(), site));
        Map<String, Integer> depth = new HashMap<>();
        for (Site site : sites) {
            int d = 0;
            for (Site at = site; at != null && at.parentId() != null && d < 64; at = byId.get(at.parentId())) {
                d++;
            }
            depth.put(site.id(), d);
        }
        List<Site> ordered = new ArrayList<>(sites);
        ordered.sort(Comparator.comparing((Site site) -> depth.get(site.id())).thenComparing(Site::id));
        return ordered;
    }
}
