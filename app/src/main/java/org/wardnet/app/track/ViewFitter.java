package org.wardnet.app.track;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.core.track.CameraMap;
import org.wardnet.core.track.CameraView;
import org.wardnet.core.track.OwnViewFit;
import org.wardnet.core.track.TrackStore;
import org.wardnet.core.track.ViewFit;

/**
 * Refits the camera views to the confirmed routes on its own thread — the district's, then each
 * camera's own where enough hops reached it ({@link OwnViewFit}) — once every {@code everyHops}
 * newly confirmed hops (and at the start when the store holds that many and was never fitted),
 * stores the result and hands it to the map. One fit at a time; hops confirmed while a fit runs
 * count toward the next. A fit takes seconds to minutes and never blocks a request; follows keep
 * using the previous views until the new ones are in place.
 */
final class ViewFitter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ViewFitter.class);

    private final ViewFit fit;
    private final OwnViewFit ownFit;
    private final TrackStore store;
    private final Supplier<CameraMap> map;
    private final Supplier<List<ViewFit.Pair>> pairs;
    private final Consumer<TrackStore.FittedView> apply;
    private final int everyHops;
    private final Clock clock;
    private final AtomicInteger sinceFit = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private final FitThread worker = new FitThread("track-view-fit");
    private volatile TrackStore.FittedView fitted;

    /**
     * @param everyHops hops between fits; 0 never fits
     * @param known     hops already learned at start; counted toward the first fit when none is stored
     */
    ViewFitter(ViewFit fit, OwnViewFit ownFit, TrackStore store, Supplier<CameraMap> map,
            Supplier<List<ViewFit.Pair>> pairs, Consumer<TrackStore.FittedView> apply, int everyHops, int known,
            Clock clock) {
        this.fit = fit;
        this.ownFit = ownFit;
        this.store = store;
        this.map = map;
        this.pairs = pairs;
        this.apply = apply;
        this.everyHops = everyHops;
        this.clock = clock;
        this.fitted = store.view().orElse(null);
        if (fitted == null) {
            sinceFit.set(known);
        }
    }

    /** The view to build maps with: the stored fit, or the default. */
    CameraView view() {
        TrackStore.FittedView f = fitted;
        return f == null ? CameraView.DEFAULT : f.view();
    }

    /** The cameras' own views of the stored fit, by camera id (none before the first fit). */
    Map<String, OwnViewFit.OwnView> ownViews() {
        TrackStore.FittedView f = fitted;
        return f == null ? Map.of() : f.cameras();
    }

    /** The stored fit, or null while the default view is in use. */
    TrackStore.FittedView fitted() {
        return fitted;
    }

    /** Counts newly confirmed hops and starts a fit in the background when enough have come. */
    void learned(int hops) {
        if (everyHops > 0 && sinceFit.addAndGet(hops) >= everyHops && running.compareAndSet(false, true)) {
            int counted = sinceFit.getAndSet(0);
            if (!worker.run(() -> run(counted))) {
                running.set(false); // closed
            }
        }
    }

    private void run(int counted) {
        try {
            long started = System.nanoTime();
            CameraMap current = map.get();
            if (current.network() == null) {
                sinceFit.addAndGet(counted); // views are fitted on streets; none are loaded yet
                return;
            }
            List<ViewFit.Pair> confirmed = pairs.get();
            CameraMap districtOnly = current.withOwnViews(Map.of()); // both fits start from no camera's own view
            ViewFit.Result result = fit.fit(districtOnly, confirmed);
            if (result.hops() < everyHops) {
                sinceFit.addAndGet(counted); // not enough hops reach cameras on the map yet
                return;
            }
            LOG.info("camera view fitted to {} confirmed hops in {} ms ({} views tried): {} (log-likelihood per hop"
                    + " {} against {} under {})", result.hops(), (System.nanoTime() - started) / 1_000_000,
                    result.tried(), result.view(), String.format("%.3f", result.logLikelihood()),
                    String.format("%.3f", result.startLogLikelihood()), current.view());
            long ownStarted = System.nanoTime();
            Map<String, OwnViewFit.OwnView> own = ownFit.fit(districtOnly, result.view(), confirmed);
            LOG.info("{} cameras given a view of their own in {} ms", own.size(),
                    (System.nanoTime() - ownStarted) / 1_000_000);
            TrackStore.FittedView fresh = new TrackStore.FittedView(result.view(), result.hops(),
                    result.logLikelihood(), clock.instant().truncatedTo(ChronoUnit.MILLIS), own);
            store.saveView(fresh);
            fitted = fresh;
            apply.accept(fresh);
        } catch (CancellationException stopping) {
            LOG.info("camera view fit stopped: the server is closing");
        } catch (RuntimeException e) {
            sinceFit.addAndGet(counted);
            LOG.warn("camera view fit failed, keeping {}: {}", view(), e.toString());
        } finally {
            running.set(false);
        }
    }

    /** Starts a fit now when the hops counted at start already call for one. */
    void catchUp() {
        learned(0);
    }

    @Override
    public void close() {
        worker.close();
    }
}
