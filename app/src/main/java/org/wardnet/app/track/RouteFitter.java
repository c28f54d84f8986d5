package org.wardnet.app.track;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToDoubleBiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.core.track.ClockOffsets;
import org.wardnet.core.track.RouteFit;

/**
 * Refits the cameras' clock offsets and the modes' speeds ({@link RouteFit}) to every confirmed
 * route on its own thread: once at the start and after each confirmation. One fit at a time; confirmations that come while a fit runs are
 * taken in by one more fit after it. The fit is not stored: they are derived from the confirmed
 * cases, which are. A fit reads every confirmed route (a district with 10⁵ confirmed cases reads
 * a few million rows, seconds); follows and route checks use the previous offsets meanwhile.
 */
final class RouteFitter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RouteFitter.class);

    private final Supplier<List<ClockOffsets.Route>> routes;
    private final Supplier<ToDoubleBiFunction<String, String>> distance;
    private final Consumer<RouteFit> apply;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final FitThread worker = new FitThread("track-clock-fit");
    private volatile Fitted fitted;

    /** The last fit, how many routes it rests on, when. */
    record Fitted(RouteFit fit, int routes, Instant at) {
    }

    /**
     * @param distance the planner's street distance of the moment (the map may be rebuilt between fits)
     */
    RouteFitter(Supplier<List<ClockOffsets.Route>> routes, Supplier<ToDoubleBiFunction<String, String>> distance,
            Consumer<RouteFit> apply, Clock clock) {
        this.routes = routes;
        this.distance = distance;
        this.apply = apply;
        this.clock = clock;
    }

    /** The last fit, or null before the first. */
    Fitted fitted() {
        return fitted;
    }

    /** Asks for a fit; returns at once. */
    void refit() {
        wanted.set(true);
        if (running.compareAndSet(false, true)) {
            if (!worker.run(this::run)) {
                running.set(false); // closed
            }
        }
    }

    private void run() {
        try {
            while (wanted.getAndSet(false)) {
                long started = System.nanoTime();
                List<ClockOffsets.Route> confirmed = routes.get();
                if (confirmed.isEmpty()) {
                    continue;
                }
                RouteFit fit = RouteFit.fit(confirmed, distance.get());
                apply.accept(fit); // in use before it is reported as fitted
                fitted = new Fitted(fit, confirmed.size(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
                LOG.info("camera clocks and travel speeds fitted to {} confirmed routes in {} ms: {} cameras",
                        confirmed.size(), (System.nanoTime() - started) / 1_000_000, fit.clocks().size());
            }
        } catch (RuntimeException e) {
            LOG.warn("camera clock and speed fit failed, keeping the one before: {}", e.toString());
        } finally {
            running.set(false);
            if (wanted.get()) {
                refit(); // asked for while this run was finishing
            }
        }
    }

    @Override
    public void close() {
        worker.close();
    }
}
