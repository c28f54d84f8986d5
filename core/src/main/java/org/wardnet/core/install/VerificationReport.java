package org.wardnet.core.install;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The checklist of one camera's verification and the facts it established.
 *
 * @param cameraId          the camera
 * @param startedAt         when it began
 * @param finishedAt        when it ended
 * @param checks            one per {@link VerifyStep}, in order
 * @param manufacturer      from the device; null when not read
 * @param model             from the device; null when not read
 * @param firmware          from the device; null when not read
 * @param serialNumber      from the device; null when not read
 * @param authentication    how the device accepted credentials (WS_SECURITY, HTTP_DIGEST, NONE); null when not
 * @param clockOffsetMillis device clock minus ours; null when not measured
 * @param mainStreamUri     main stream, as the device reported it; null when not found
 * @param subStreamUri      sub stream; null when none
 * @param snapshotBytes     size of the snapshot kept; 0 when none
 */
public record VerificationReport(String cameraId, Instant startedAt, Instant finishedAt, List<VerifyCheck> checks,
        String manufacturer, String model, String firmware, String serialNumber, String authentication,
        Long clockOffsetMillis, String mainStreamUri, String subStreamUri, int snapshotBytes) {

    public VerificationReport {
        checks = List.copyOf(checks);
    }

    /** Passed when no step failed (warnings allowed). */
    public boolean passed() {
        return checks.stream().noneMatch(c -> c.status() == CheckStatus.FAIL);
    }

    /** The first failed step, for summaries. */
    public Optional<VerifyCheck> firstFailure() {
        return checks.stream().filter(c -> c.status() == CheckStatus.FAIL).findFirst();
    }
}
