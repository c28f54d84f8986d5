package org.wardnet.core;

import java.time.Duration;

/** A ticker for tests that only moves when told. */
public final class ManualTicker implements Ticker {

    private volatile long nanos;

    public void advance(Duration by) {
        nanos += by.toNanos();
    }

    @Override
    public long nanos() {
        return nanos;
    }
}
