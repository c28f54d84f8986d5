package org.wardnet.core;

/**
 * Elapsed time that only moves forward, at the rate of real time, whatever the wall clock does
 * when it is stepped (by hand, or by NTP correcting a wrong clock). For schedules and for how long
 * something has lasted; never for dates: its zero is arbitrary.
 */
@FunctionalInterface
public interface Ticker {

    /** Nanoseconds since an arbitrary origin fixed for this process. */
    long nanos();

    /** The JVM's monotonic clock ({@link System#nanoTime}). */
    static Ticker system() {
        return System::nanoTime;
    }
}
