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
 * entries has ended (a page of clip rows is read first, to have its keys, and read again after;
 * if it changed, it is journaled anew): a write numbered at or below what the parent has applied
 * (so never sent itself) but still committing when the re-send began is then in the snapshot, no
 * clip row deleted or changed by an earlier-numbered write comes back after it, and the
 * {@code end}'s list agrees with every entry before it. Reading the in-memory registry instead would miss a write
 * committed but not yet in memory, and the parent would drop that camera at {@code end}.
 *
 * <p>Limits: the journal holds a second copy of the clip index until the parent has acknowledged
 * it (for a room of 20 cameras and a year at one clip a minute, about 10 million rows). A
 * transaction open for more than {@value #SETTLE_MILLIS} ms, or a page of clip rows that changes
 * under each of {@value #PAGE_ATTEMPTS} reads, fails the re-send, which the caller retries.
 */
public final class JdbcSnapshots implements Snapshots {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSnapshots.class);
    static final int CLIPS_PER_STEP = 10_000;
    static final long SETTLE_MILLIS = 60_000;
    private static final int PAGE_ATTEMPTS = 5;

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
                long through = page.get(page.size() - 1).id();
                written += journalPage(lastId, through, page);
                lastId = through;
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

    /**
     * Journals the clip rows with ids after {@code after} through {@code through} as committed once
     * every number below theirs has ended: a row changed or deleted by a write numbered before them
     * but committed after the page was read would otherwise reach the parent after that write, and
     * undo it there. Such a page is read again, its entries given up (their numbers become gaps);
     * answers how many rows were journaled.
     */
    private int journalPage(long after, long through, List<Clip> firstRead) throws SQLException {
        List<Clip> read = firstRead;
        for (int attempt = 1; ; attempt++) {
            if (read.isEmpty()) {
                return 0;
            }
            List<Clip> page = read;
            try {
                journal.run((connection, entries) -> {
                    long first = 0;
                    for (Clip clip : page) {
                        long seq = entries.put(Change.Kind.CLIP, Long.toString(clip.id()), encoder.clip(clip));
                        first = first == 0 ? seq : first;
                    }
                    settleBelow(first);
                    if (!clips.range(after, through).equals(page)) {
                        throw new PageMoved();
                    }
                });
                return page.size();
            } catch (PageMoved moved) {
                if (attempt == PAGE_ATTEMPTS) {
                    throw new SQLException("clip rows " + (after + 1) + " to " + through + " kept changing while"
                            + " they were re-sent (" + attempt + " reads); the re-send is tried again");
                }
                read = clips.range(after, through);
            }
        }
    }

    /** A page's rows changed between its read and its entries' numbers: the transaction rolls back. */
    private static final class PageMoved extends SQLException {
        PageMoved() {
            super("a page of clip rows changed while it was journaled");
        }
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
