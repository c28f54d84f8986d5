package org.wardnet.core.health;

/** Told of every health event, in order, on the monitor's thread: must not block. */
@FunctionalInterface
public interface HealthListener {
    void on(HealthEvent event);
}
