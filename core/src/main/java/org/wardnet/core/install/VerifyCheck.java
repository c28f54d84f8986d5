package org.wardnet.core.install;

import java.util.Objects;

/**
 * One line of a verify checklist.
 *
 * @param step    the step
 * @param status  its result
 * @param detail  what was found or what failed, in words
 * @param advice  what to check next; null on a pass
 * @param millis  time the step took; 0 when skipped
 */
public record VerifyCheck(VerifyStep step, CheckStatus status, String detail, String advice, long millis) {

    public VerifyCheck {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    public static VerifyCheck pass(VerifyStep step, String detail, long millis) {
        return new VerifyCheck(step, CheckStatus.PASS, detail, null, millis);
    }

    public static VerifyCheck skipped(VerifyStep step, VerifyStep because) {
        return new VerifyCheck(step, CheckStatus.SKIPPED, "not run: " + because.name() + " failed", null, 0);
    }
}
