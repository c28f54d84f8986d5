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
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    /** Windows over whose address refused again before {@link #finished} came by. */
    private final Queue<Suppressed> closed = new ConcurrentLinkedQueue<>();

    public RefusalWindows(int maxPerWindow, Duration window, int maxAddresses, Clock clock) {
        if (maxPerWindow < 1 || window.isNegative() || window.isZero() || maxAddresses < 1) {
            throw new IllegalArgumentException("invalid refusal limits");
        }
        this.maxPerWindow = maxPerWindow;
        this.window = window;
        this.maxAddresses = maxAddresses;
        this.clock = clock;
    }

    /**
     * Counts one refusal from {@code address}.
     *
     * @return zero when it is to be answered and recorded as usual, else the seconds until the
     *         address's window ends (the refusal was only counted: answer 429 with Retry-After)
     */
    public long refused(String address) {
        while (true) {
            Instant now = clock.instant();
            Window current = windows.get(address);
            if (current == null) {
                if (windows.size() >= maxAddresses) {
                    return 0;
                }
                current = windows.computeIfAbsent(address, a -> new Window(now));
            }
            synchronized (current) {
                if (current.retired) {
                    continue; // finished() took it away just now: count in the address's next window
                }
                if (!now.isBefore(current.start.plus(window))) {
                    // over: its count waits for finished(), and a new window starts with this refusal
                    if (current.suppressed > 0) {
                        closed.add(new Suppressed(address, current.suppressed, current.start,
                                current.start.plus(window)));
                    }
                    current.start = now;
                    current.answered = 0;
                    current.suppressed = 0;
                }
                if (current.answered < maxPerWindow) {
                    current.answered++;
                    return 0;
                }
                current.suppressed++;
                return Math.max(1, (Duration.between(now, current.start.plus(window)).toMillis() + 999) / 1000);
            }
        }
    }

    /** The windows over by now that suppressed refusals; every window over is forgotten. */
    public List<Suppressed> finished() {
        Instant now = clock.instant();
        List<Suppressed> out = new ArrayList<>();
        for (Suppressed done = closed.poll(); done != null; done = closed.poll()) {
            out.add(done);
        }
        for (Iterator<Map.Entry<String, Window>> it = windows.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Window> entry = it.next();
            Window w = entry.getValue();
            synchronized (w) {
                Instant end = w.start.plus(window);
                if (now.isBefore(end)) {
                    continue;
                }
                w.retired = true;
                it.remove();
                if (w.suppressed > 0) {
                    out.add(new Suppressed(entry.getKey(), w.suppressed, w.start, end));
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
        Instant start;
        int answered;
        long suppressed;
        boolean retired;

        Window(Instant start) {
            this.start = start;
        }
    }
}
