package org.wardnet.core.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.wardnet.core.Ticker;

/**
 * Counts the requests refused for want of valid credentials, per peer address, in fixed windows
 * that start at an address's first refusal. The first {@code maxPerWindow} refusals of a window
 * are answered as usual (401, each written to the audit trail: they are the evidence of what was
 * tried); the rest of the window is answered 429 and only counted, and the count comes back once
 * the window is over from {@link #finished}, to be written as one entry. So a flood costs the
 * trail at most {@code maxPerWindow + 1} entries per address and window, and stays in it.
 *
 * <p>Limits: counts live in memory and restart empty with the server. At most
 * {@code maxAddresses} addresses are tracked at once; beyond that a new address is not limited
 * (every refusal of it is written, as before), so spoofing many addresses costs the trail but
 * never the limiter's memory. Behind a reverse proxy all callers share the proxy's address.
 */
public final class RefusalWindows {

    /** A window in which refusals were counted but not written one by one. */
    public record Suppressed(String address, long count, Instant from, Instant to) {
    }

    private final int maxPerWindow;
    private final Duration window;
    private final int maxAddresses;
    private final Clock clock;
    private final Ticker ticker;
    private final long windowNanos;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    /** Windows over whose address refused again before {@link #finished} came by. */
    private final Queue<Suppressed> closed = new ConcurrentLinkedQueue<>();

    /** Windows timed by {@code clock} itself (a clock a test moves; a stepped system clock moves them too). */
    public RefusalWindows(int maxPerWindow, Duration window, int maxAddresses, Clock clock) {
        this(maxPerWindow, window, maxAddresses, clock, () -> clock.millis() * 1_000_000L);
    }

    /**
     * Windows timed by {@code ticker}, so a stepped wall clock neither holds an address back for the
     * length of the step nor ends its window early; {@code clock} only stamps the counted windows.
     */
    public RefusalWindows(int maxPerWindow, Duration window, int maxAddresses, Clock clock, Ticker ticker) {
        if (maxPerWindow < 1 || window.isNegative() || window.isZero() || maxAddresses < 1) {
            throw new IllegalArgumentException("invalid refusal limits");
        }
        this.maxPerWindow = maxPerWindow;
        this.window = window;
        this.maxAddresses = maxAddresses;
        this.clock = clock;
        this.ticker = ticker;
        this.windowNanos = window.toNanos();
    }

    /**
     * Counts one refusal from {@code address}.
     *
     * @return zero when it is to be answered and recorded as usual, else the seconds until the
     *         address's window ends (the refusal was only counted: answer 429 with Retry-After)
     */
    public long refused(String address) {
        while (true) {
            long now = ticker.nanos();
            Window current = windows.get(address);
            if (current == null) {
                if (windows.size() >= maxAddresses) {
                    return 0;
                }
                current = windows.computeIfAbsent(address, a -> new Window(now, clock.instant()));
            }
            synchronized (current) {
                if (current.retired) {
                    continue; // finished() took it away just now: count in the address's next window
                }
                if (now - current.startNanos >= windowNanos) {
                    // over: its count waits for finished(), and a new window starts with this refusal
                    if (current.suppressed > 0) {
                        closed.add(new Suppressed(address, current.suppressed, current.startAt,
                                current.startAt.plus(window)));
                    }
                    current.startNanos = now;
                    current.startAt = clock.instant();
                    current.answered = 0;
                    current.suppressed = 0;
                }
                if (current.answered < maxPerWindow) {
                    current.answered++;
                    return 0;
                }
                current.suppressed++;
                long leftNanos = current.startNanos + windowNanos - now;
                return Math.max(1, (leftNanos + 999_999_999L) / 1_000_000_000L);
            }
        }
    }

    /** The windows over by now that suppressed refusals; every window over is forgotten. */
    public List<Suppressed> finished() {
        long now = ticker.nanos();
        List<Suppressed> out = new ArrayList<>();
        for (Suppressed done = closed.poll(); done != null; done = closed.poll()) {
            out.add(done);
        }
        for (Iterator<Map.Entry<String, Window>> it = windows.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Window> entry = it.next();
            Window w = entry.getValue();
            synchronized (w) {
                if (now - w.startNanos < windowNanos) {
                    continue;
                }
                w.retired = true;
                it.remove();
                if (w.suppressed > 0) {
                    out.add(new Suppressed(entry.getKey(), w.suppressed, w.startAt, w.startAt.plus(window)));
                }
            }
        }
        return out;
    }

    /** Addresses tracked now. */
    public int tracked() {
        return windows.size();
    }

    private static final class Window {
        long startNanos;
        Instant startAt;
        int answered;
        long suppressed;
        boolean retired;

        Window(long startNanos, Instant startAt) {
            this.startNanos = startNanos;
            this.startAt = startAt;
        }
    }
}
