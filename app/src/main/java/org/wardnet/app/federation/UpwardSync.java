package org.wardnet.app.federation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.core.federation.Change;
import org.wardnet.core.federation.ParentLink;
import org.wardnet.core.federation.Snapshots;
import org.wardnet.core.federation.SyncJournal;
import org.wardnet.core.registry.Site;

/**
 * A child node pushing its journal to its parent, on a thread of its own: it asks where to resume,
 * then sends batches in sequence order, prunes what the parent acknowledged, and goes on. A link
 * that is down is retried with a growing pause (capped); a batch the parent refuses is logged
 * and retried at the cap (an operator must act, say by re-registering the node). Nothing is lost
 * on either side's restart: the journal keeps what was not acknowledged, and after every loss of
 * the link the parent is asked again where to resume (a parent that crashed may have lost its
 * last commits; a gap this node has already pruned is mended by a full re-send).
 *
 * <p>An idle node pushes an empty batch once per heartbeat, so the parent can tell a quiet node
 * from a lost link.
 *
 * <p>Acknowledged entries are deleted on a thread of their own ({@link JournalPruner}), and
 * the next batch is read and encoded while the parent applies the one before
 * ({@link BatchReadAhead}).
 *
 * <p>Limits: one batch in flight at a time (and one read ahead); backpressure is the journal itself (on disk), which
 * grows while the link is down.
 */
public final class UpwardSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UpwardSync.class);
    private static final int CLOSE_WAIT_SECONDS = 40;

    /** What the sync is doing, for ops. */
    public record Status(long ackedSeq, long backlog, boolean linkUp, Instant lastPush, String lastError) {
    }

    /**
     * How the sync paces itself.
     *
     * @param batchRows most changes in one push
     * @param idle      how long to wait when nothing is left to push
     * @param heartbeat the longest silence towards the parent: an empty push tells it this node is alive
     * @param maxPause  the longest pause between tries while the link is down
     */
    public record Settings(int batchRows, Duration idle, Duration heartbeat, Duration maxPause) {
        public Settings {
            if (batchRows < 1) {
                throw new IllegalArgumentException("batchRows must be at least 1: " + batchRows);
            }
        }
    }

    private final SyncJournal journal;
    private final JournalPruner pruner;
    private final BatchReadAhead batches;
    private final ParentLink parent;
    private final Consumer<List<Site>> ancestry;
    private final Snapshots snapshots;
    private final int batchRows;
    private final Duration idle;
    private final Duration heartbeat;
    private final Duration maxPause;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor thread;
    private volatile long acked = -1;
    /** The parent's last acknowledgement, kept for ops while {@link #acked} waits for a resume. */
    private volatile long lastAck;
    private boolean resumedOnce;
    private volatile boolean linkUp;
    private volatile Instant lastPush;
    private Instant lastContact;
    private volatile String lastError;
    private Duration pause;

    public UpwardSync(SyncJournal journal, ParentLink parent, Settings settings, Clock clock) {
        this(journal, parent, sites -> { }, Snapshots.NONE, settings, clock);
    }

    /**
     * @param ancestry  given the parent's sites from the center down to this node's own, at each resume
     * @param snapshots how everything is re-sent when the parent lacks part of the journal
     */
    public UpwardSync(SyncJournal journal, ParentLink parent, Consumer<List<Site>> ancestry, Snapshots snapshots,
            Settings settings, Clock clock) {
        this.ancestry = ancestry;
        this.snapshots = snapshots;
        this.journal = journal;
        this.pruner = new JournalPruner(journal);
        this.parent = parent;
        this.batchRows = settings.batchRows();
        this.batches = new BatchReadAhead(journal, parent, batchRows);
        this.idle = settings.idle();
        this.heartbeat = settings.heartbeat();
        this.maxPause = settings.maxPause();
        this.clock = clock;
        this.pause = idle;
        this.thread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "wardnet-upward-sync");
            t.setDaemon(true);
            return t;
        });
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // a pause pending is not waited for
    }

    /** Starts pushing; returns at once. */
    public UpwardSync start() {
        thread.execute(this::step);
        return this;
    }

    public Status status() {
        long known = Math.max(acked, lastAck);
        return new Status(known, Math.max(0, journal.watermark() - known), linkUp, lastPush, lastError);
    }

    private void step() {
        Duration next;
        try {
            next = pushOnce() ? Duration.ZERO : idle;
            linkUp = true;
            lastError = null;
            pause = idle;
        } catch (ParentLink.Down e) {
            if (linkUp || lastError == null) {
                LOG.warn("parent unreachable, retrying with a growing pause: {}", e.getMessage());
            }
            linkUp = false;
            lastError = e.getMessage();
            next = pause;
            pause = min(pause.multipliedBy(2), maxPause);
            // Ask again where to resume once the parent answers: it may have restarted and lost its last
            // commits (a crash), or been restored; its acknowledgement, not this node's memory, is the truth.
            acked = -1;
        } catch (ParentLink.Refused e) {
            LOG.error("the parent refused this node's changes ({}): {}; retrying every {} s", e.status(),
                    e.getMessage(), maxPause.toSeconds());
            linkUp = true;
            lastError = e.status() + ": " + e.getMessage();
            next = maxPause;
        } catch (RuntimeException e) {
            LOG.error("upward sync failed: {}", e.toString());
            lastError = e.toString();
            next = maxPause;
        }
        if (!thread.isShutdown()) {
            thread.schedule(this::step, next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** One round: resume if needed, push one batch; answers whether more may be waiting. */
    private boolean pushOnce() {
        if (acked < 0) {
            ParentLink.Resume resume = parent.resume();
            lastContact = clock.instant();
            ancestry.accept(resume.ancestry());
            long parentHas = resume.ackedSeq();
            if (parentHas < lastAck) {
                LOG.warn("the parent's acknowledgement went back from {} to {} (it crashed, or was restored):"
                        + " pushing again from there", lastAck, parentHas);
            }
            // restored: the parent applied numbers this store never held (new ones may have been written since
            // it opened, before this first resume, so the journal as it was opened is what tells)
            boolean restored = !resumedOnce && parentHas > journal.highestAtOpen() || parentHas > journal.watermark();
            if (restored || parentHas < journal.oldest() - 1) {
                // restored from a backup (the parent saw numbers this node has not reached), or the parent
                // lost what this node has pruned (wiped, or restored itself): only a full re-send mends it
                LOG.warn("the parent has applied up to {} but this journal holds {} to {}: re-sending everything",
                        parentHas, journal.oldest(), journal.watermark());
                snapshots.journalAll(parentHas);
            }
            acked = parentHas;
            lastAck = parentHas;
            resumedOnce = true;
            batches.discard(); // a re-send may have been journalled; read again from where the parent is
            pruner.prune(acked);
        }
        ParentLink.Outgoing batch = batches.batchAfter(acked);
        List<Change> changes = batch.changes();
        if (changes.isEmpty()) {
            if (lastContact == null || !clock.instant().isBefore(lastContact.plus(heartbeat))) {
                parent.push(batch, journal.watermark()); // nothing to send: a heartbeat, so the parent knows the link holds
                lastContact = clock.instant();
            }
            return false;
        }
        boolean full = changes.size() == batchRows;
        if (full) {
            batches.readAhead(changes.get(changes.size() - 1).seq()); // read while the parent applies this one
        }
        long answer = parent.push(batch, journal.watermark());
        acked = Math.max(acked, answer);
        lastAck = acked;
        lastPush = clock.instant();
        lastContact = lastPush;
        pruner.prune(acked); // meanwhile the next batch is read and sent
        return full;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Stops after the round in progress (a push is bounded by the link's timeout). The thread is
     * not interrupted while that round may be writing the store: an interrupt during a file write
     * closes the embedded store's file under everyone. Only a round still running after
     * {@value #CLOSE_WAIT_SECONDS} s is interrupted.
     */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("upward sync still busy after {} s; interrupting it", CLOSE_WAIT_SECONDS);
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
        batches.close();
        pruner.close();
    }
}
