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

    /** What was seen when a wait ran out, for whoever reads the report. */
    interface Seen {
        String describe() throws Exception;
    }

    static void await(Check check, String what) throws Exception {
        await(check, what, () -> "");
    }

    /** Like {@link #await(Check, String)}; a wait that runs out says what {@code seen} describes then. */
    static void await(Check check, String what, Seen seen) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                String described = seen.describe();
                throw new AssertionError("not within 30 s: " + what + (described.isEmpty() ? "" : "; seen: "
                        + described));
            }
            Thread.sleep(50);
        }
    }
}
