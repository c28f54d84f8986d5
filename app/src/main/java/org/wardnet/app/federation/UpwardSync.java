package org.wardnet.app.federation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 * <p>Acknowledged entries are deleted on a thread of their own ({@link JournalPruner}); the
 * next batch is read and encoded while the parent applies the one before
 * ({@link BatchReadAhead}), and sent before that one is answered, naming the number it
 * continues from, so the parent reads it while it applies its predecessor. A batch that
 * overtook its predecessor is refused by the parent ({@link ParentLink.OutOfStep}) and sent
 * again after a resume.
 *
 * <p>Limits: at most {@value #PUSHES_IN_FLIGHT} batches on their way (and one read ahead);
 * backpressure is the journal itself (on disk), which grows while the link is down.
 */
public final class UpwardSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UpwardSync.class);
    private static final int CLOSE_WAIT_SECONDS = 40;
    /** Batches on their way at once: the parent reads one while it applies the other. */
    private static final int PUSHES_IN_FLIGHT = 2;

    /** A batch on its way: its last sequence number, whether it was full, and the parent's answer to come. */
    private record Sent(long last, boolean full, CompletableFuture<Long> answer) {
    }

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
    private final ArrayDeque<Sent> inFlight = new ArrayDeque<>();

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
        } catch (ParentLink.OutOfStep e) {
            LOG.info("the parent had not applied what a batch continues from ({}); asking where to resume",
                    e.getMessage());
            next = Duration.ZERO;
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
            drain(); // whatever is still on its way is answered before the parent is asked where it stands
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
        long from = inFlight.isEmpty() ? acked : inFlight.peekLast().last();
        while (inFlight.size() < PUSHES_IN_FLIGHT) {
            ParentLink.Outgoing batch = batches.batchAfter(from);
            List<Change> changes = batch.changes();
            if (changes.isEmpty()) {
                if (inFlight.isEmpty() && (lastContact == null
                        || !clock.instant().isBefore(lastContact.plus(heartbeat)))) {
                    parent.push(batch, journal.watermark()); // nothing to send: a heartbeat, so the parent knows the link holds
                    lastContact = clock.instant();
                }
                break;
            }
            long last = changes.get(changes.size() - 1).seq();
            boolean full = changes.size() == batchRows;
            inFlight.add(new Sent(last, full, parent.pushAfter(batch, from, journal.watermark())));
            if (!full) {
                break;
            }
            batches.readAhead(last); // read while the parent reads and applies what is on its way
            from = last;
        }
        if (inFlight.isEmpty()) {
            return false;
        }
        Sent oldest = inFlight.poll();
        long answer;
        try {
            answer = answerOf(oldest);
        } catch (RuntimeException e) {
            drain(); // what was sent after it cannot be applied before it: wait for those answers, then resume
            throw e;
        }
        acked = Math.max(acked, answer);
        lastAck = acked;
        lastPush = clock.instant();
        lastContact = lastPush;
        pruner.prune(acked); // meanwhile the next batch is applied at the parent
        if (acked < oldest.last()) {
            drain(); // the parent stopped short of the batch: the ones after it are refused; send from its answer
        }
        return oldest.full() || !inFlight.isEmpty();
    }

    private static long answerOf(Sent sent) {
        try {
            return sent.answer().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Waits for the answers of the batches still on their way, and forgets them. */
    private void drain() {
        for (Sent sent; (sent = inFlight.poll()) != null; ) {
            try {
                answerOf(sent);
            } catch (RuntimeException e) {
                LOG.debug("a batch sent after one that failed: {}", e.toString());
            }
        }
        batches.discard();
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
