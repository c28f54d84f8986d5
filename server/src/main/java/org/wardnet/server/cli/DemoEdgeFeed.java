package org.wardnet.server.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.core.clips.ClipOrigin;

/**
 * The demo's edge recorders: every camera hands in one clip per whole hour, as a district's
 * recorders do when their footage is ingested. At start it fills whichever of the last
 * {@link #HOURS} hours the store lacks; while the demo runs it hands in each hour as it ends, so a
 * follow from "an hour and a half ago" finds footage however long the demo has been up.
 *
 * <p>Limits: every clip points at the same hour of test picture. An hour counts as handed in when
 * the last camera has its clip (the feed writes the cameras of an hour in order); an hour cut off
 * half-way (the demo stopped) is completed camera by camera, without doubles.
 */
final class DemoEdgeFeed implements AutoCloseable {

    static final int HOURS = 6;
    /** After an hour ends, how long the recorders take to hand it in. */
    private static final Duration HAND_IN_DELAY = Duration.ofSeconds(5);
    private static final int BATCH = 1_000;

    private final ClipIndex clips;
    private final List<String> cameraIds;
    private final Path hourFile;
    private final long hourBytes;
    private final Clock clock;
    private final PrintStream out;
    private ScheduledExecutorService hourly;

    DemoEdgeFeed(ClipIndex clips, List<String> cameraIds, Path hourFile, long hourBytes, Clock clock,
            PrintStream out) {
        this.clips = clips;
        this.cameraIds = List.copyOf(cameraIds);
        this.hourFile = hourFile.toAbsolutePath();
        this.hourBytes = hourBytes;
        this.clock = clock;
        this.out = out;
    }

    /** Hands in every hour of the last {@link #HOURS} that the store lacks; returns the clips added. */
    synchronized int catchUp() {
        Instant thisHour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        int added = 0;
        for (int h = HOURS; h >= 1; h--) {
            Instant from = thisHour.minus(h, ChronoUnit.HOURS);
            if (!has(cameraIds.get(cameraIds.size() - 1), from)) {
                added += handIn(from, has(cameraIds.get(0), from));
            }
        }
        return added;
    }

    /** From now on, hands in each hour a few seconds after it ends (a daemon thread; {@link #close} ends it). */
    synchronized void startHourly() {
        if (hourly != null) {
            return;
        }
        hourly = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "demo-edge-feed");
            thread.setDaemon(true);
            return thread;
        });
        Instant now = clock.instant();
        Instant next = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS).plus(HAND_IN_DELAY);
        hourly.scheduleAtFixedRate(this::handInSafely, Duration.between(now, next).toMillis(),
                Duration.ofHours(1).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void handInSafely() {
        try {
            int added = catchUp();
            if (added > 0) {
                out.printf("footage: the edge recorders handed in %,d one-hour clips%n", added);
            }
        } catch (RuntimeException e) {
            // The next hour tries again (catchUp fills every missing hour); one line, not a stack per hour.
            out.println("footage: the edge recorders' hand-in failed: " + e.getMessage());
        }
    }

    private boolean has(String camera, Instant hour) {
        return !clips.overlapping(camera, hour, hour.plus(1, ChronoUnit.HOURS), null, 1).isEmpty();
    }

    private int handIn(Instant from, boolean partlyThere) {
        Instant to = from.plus(1, ChronoUnit.HOURS);
        List<Clip> batch = new ArrayList<>(BATCH);
        int count = 0;
        for (String camera : cameraIds) {
            if (partlyThere && has(camera, from)) {
                continue;
            }
            batch.add(new Clip(0, camera, from, to, hourFile.toString(), hourBytes, "H264", 640, 360, null, null,
                    ClipOrigin.IMPORTED));
            if (batch.size() == BATCH) {
                count += clips.add(batch).size();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            count += clips.add(batch).size();
        }
        return count;
    }

    @Override
    public synchronized void close() {
        if (hourly != null) {
            hourly.shutdownNow();
        }
    }
}
