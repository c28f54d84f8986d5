package org.wardnet.core.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxPerUser, int maxPerAddress, Duration window, Clock clock) {
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.clock = clock;
    }

    /** How long until {@code user} from {@code address} may try again; zero when it may now. */
    public Duration wait(String user, String address) {
        Instant now = clock.instant();
        Duration forUser = waitFor(userKey(user), maxPerUser, now);
        Duration forAddress = waitFor(addressKey(address), maxPerAddress, now);
        return forUser.compareTo(forAddress) >= 0 ? forUser : forAddress;
    }

    public void failed(String user, String address) {
        Instant now = clock.instant();
        if (failures.size() > SWEEP_ABOVE) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
        for (String key : new String[] {userKey(user), addressKey(address)}) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                prune(times, now);
                times.addLast(now);
            }
        }
    }

    public void succeeded(String user) {
        failures.remove(userKey(user));
    }

    private Duration waitFor(String key, int max, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < max) {
                return Duration.ZERO;
            }
            // the attempt is allowed again once enough failures have left the window
            Instant[] ordered = times.toArray(new Instant[0]);
            Instant frees = ordered[times.size() - max].plus(window);
            return Duration.between(now, frees).isNegative() ? Duration.ZERO : Duration.between(now, frees);
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
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
