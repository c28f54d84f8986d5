package org.wardnet.core.registry;

import java.util.List;
import java.util.Optional;
import org.wardnet.core.errors.StoreUnavailableException;

/**
 * Durable storage of the registry, implemented in {@code storage-index}.
 *
 * <p>Both methods block on I/O: callers run them off network event loops. Implementations throw
 * {@link StoreUnavailableException} when the store cannot be reached or the write fails; a failed
 * {@link #apply} has changed nothing.
 */
public interface RegistryStore {

    /** Everything stored, for the registry's in-memory copy at start. */
    Snapshot load();

    /**
     * Applies {@code changes} in order, all or nothing, and returns only once they are durable:
     * a process killed after the return loses none of them.
     */
    void apply(List<RegistryChange> changes);

    /** Site {@code id} as stored now; empty when it is not (read after another server changed it). */
    Optional<Site> site(String id);

    /** Camera {@code id} as stored now; empty when it is not (read after another server changed it). */
    Optional<Camera> camera(String id);

    /**
     * A store that keeps nothing: for tools and benchmarks whose registry lives only in memory.
     * It starts empty and accepts every change without writing it anywhere.
     */
    static RegistryStore none() {
        return new RegistryStore() {
            @Override
            public Snapshot load() {
                return new Snapshot(List.of(), List.of());
            }

            @Override
            public void apply(List<RegistryChange> changes) {
                // nothing is kept, by design
            }

            @Override
            public Optional<Site> site(String id) {
                return Optional.empty();
            }

            @Override
            public Optional<Camera> camera(String id) {
                return Optional.empty();
            }
        };
    }

    /** The registry's stored content. */
    record Snapshot(List<Site> sites, List<Camera> cameras) {
        public Snapshot {
            sites = List.copyOf(sites);
            cameras = List.copyOf(cameras);
        }
    }
}
