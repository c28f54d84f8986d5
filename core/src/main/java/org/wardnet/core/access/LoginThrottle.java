package org.wardnet.core.access;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.wardnet.core.Ticker;

/**
 * Limits failed logins per user name and per address within a sliding window: once either has
 * failed {@code max} times in the window, further attempts are refused until the oldest failure
 * ages out. Names are counted as typed (lower-cased), whether or not such a user exists, so the
 * refusal reveals nothing about which names are real. A success clears the name's failures (not
 * the address's, so one good password does not reset a spray from that address).
 *
 * <p>Limits: counts live in memory and restart empty with the server; entries are pruned when
 * touched and swept when the map holds over 100,000 keys.
 */
public final class LoginThrottle {

    private static final int SWEEP_ABOVE = 100_000;

    private final int maxPerUser;
    private final int maxPerAddress;
    private final long windowNanos;
    private final Ticker ticker;
    /** Per key, the failures' times on {@link #ticker}, oldest first. */
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    /** Windows timed by {@code clock} itself (a clock a test moves; a stepped system clock moves them too). */
    public LoginThrottle(int maxPerUser, int maxPerAddress, Duration window, Clock clock) {
        this(maxPerUser, maxPerAddress, window, () -> clock.millis() * 1_000_000L);
    }

    /** Windows timed by {@code ticker}: a stepped wall clock neither prolongs a refusal nor ends it early. */
    public LoginThrottle(int maxPerUser, int maxPerAddress, Duration window, Ticker ticker) {
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.windowNanos = window.toNanos();
        this.ticker = ticker;
    }

    /** How long until {@code user} from {@code address} may try again; zero when it may now. */
    public Duration wait(String user, String address) {
        long now = ticker.nanos();
        Duration forUser = waitFor(userKey(user), maxPerUser, now);
        Duration forAddress = waitFor(addressKey(address), maxPerAddress, now);
        return forUser.compareTo(forAddress) >= 0 ? forUser : forAddress;
    }

    public void failed(String user, String address) {
        long now = ticker.nanos();
        if (failures.size() > SWEEP_ABOVE) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
        for (String key : new String[] {userKey(user), addressKey(address)}) {
            Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                prune(times, now);
                times.addLast(now);
            }
        }
    }

    public void succeeded(String user) {
        failures.remove(userKey(user));
    }

    private Duration waitFor(String key, int max, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < max) {
                return Duration.ZERO;
            }
            // the attempt is allowed again once enough failures have left the window
            Long[] ordered = times.toArray(new Long[0]);
            long frees = ordered[times.size() - max] + windowNanos;
            return frees <= now ? Duration.ZERO : Duration.ofNanos(frees - now);
        }
    }

    private void prune(Deque<Long> times, long now) {
        while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
            times.pollFirst();
        }
    }

    private static String userKey(String user) {
        return "u:" + (user == null ? "" : user.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
