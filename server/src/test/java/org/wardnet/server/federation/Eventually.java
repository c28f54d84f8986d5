package org.wardnet.server.federation;

import java.time.Duration;

/** Waits for what nodes do in the background: a condition polled until it holds, for up to 30 s. */
final class Eventually {

    /** A condition that may need I/O to tell. */
    interface Check {
        boolean holds() throws Exception;
    }

    private Eventually() {
    }

    static void await(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
