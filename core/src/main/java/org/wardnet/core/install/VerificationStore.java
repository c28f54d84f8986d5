package org.wardnet.core.install;

import java.time.Instant;
import java.util.Optional;

/**
 * Where each camera's latest verification is kept: the checklist as a JSON document (the API's
 * own rendering, so what was shown is what is stored).
 */
public interface VerificationStore {

    /** Replaces the camera's stored verification. */
    void save(String cameraId, Instant verifiedAt, boolean passed, String reportJson);

    /** The camera's latest verification as stored; empty when never verified. */
    Optional<String> load(String cameraId);

    /** A store that keeps nothing, for tools and benchmarks. */
    static VerificationStore none() {
        return new VerificationStore() {
            @Override
            public void save(String cameraId, Instant verifiedAt, boolean passed, String reportJson) {
            }

            @Override
            public Optional<String> load(String cameraId) {
                return Optional.empty();
            }
        };
    }
}
