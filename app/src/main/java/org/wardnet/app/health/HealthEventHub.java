package org.wardnet.app.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.health.HealthHistory;
import org.wardnet.core.health.HealthListener;

/**
 * Receives every health event on the monitor's thread and passes it on without blocking: to live
 * subscribers (server-sent events) and, through a bounded queue, to a writer thread that appends
 * the history in batches. When the store falls so far behind that the queue is full, events are
 * dropped from the history (counted and logged), never allowed to stall the monitor.
 */
public final class HealthEventHub implements HealthListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthEventHub.class);

    private final Set<HealthListener> subscribers = new CopyOnWriteArraySet<>();
    private final BlockingQueue<HealthEvent> toStore = new ArrayBlockingQueue<>(100_000);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong alarms = new AtomicLong();
    private final Thread writer;
    private volatile boolean running = true;

    public HealthEventHub(HealthHistory history) {
        this.writer = new Thread(() -> writeLoop(history), "wardnet-health-history");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void on(HealthEvent event) {
        if (event.alarm()) {
            alarms.incrementAndGet();
            LOG.warn("alarm: {} {} {} -> {}: {}", event.subject(), event.id(), event.from(), event.to(), event.reason());
        }
        if (!toStore.offer(event)) {
            dropped.incrementAndGet();
        }
        for (HealthListener subscriber : subscribers) {
            subscriber.on(event);
        }
    }

    /**
     * Tells live subscribers of an event already stored elsewhere (one a child node pushed, kept
     * with its push), without writing it to the history again.
     */
    public void publish(HealthEvent event) {
        for (HealthListener subscriber : subscribers) {
            subscriber.on(event);
        }
    }

    /** The live subscribers: one per open event stream. */
    public int subscriberCount() {
        return subscribers.size();
    }

    public Runnable subscribe(HealthListener subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public long alarms() {
        return alarms.get();
    }

    public long droppedFromHistory() {
        return dropped.get();
    }

    private void writeLoop(HealthHistory history) {
        List<HealthEvent> batch = new ArrayList<>();
        while (running || !toStore.isEmpty()) {
            try {
                HealthEvent first = toStore.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                toStore.drainTo(batch, 4_999);
                history.append(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("health history: {} events not recorded: {}", batch.size(), e.getMessage());
            }
            batch.clear();
        }
    }

    /** Stops after writing what is queued (bounded by a few seconds). */
    @Override
    public void close() throws InterruptedException {
        running = false;
        writer.join(5_000);
        if (dropped.get() > 0) {
            LOG.warn("health history: {} events were dropped while the store lagged", dropped.get());
        }
    }
}
