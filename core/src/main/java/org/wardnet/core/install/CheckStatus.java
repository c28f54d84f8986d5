package org.wardnet.core.install;

/** The result of one verify step. */
public enum CheckStatus {
    /** The step succeeded. */
    PASS,
    /** The step succeeded with something to fix (a clock off by more than the bound). */
    WARN,
    /** The step failed; the camera does not count as installed. */
    FAIL,
    /** Not run, because a step it depends on failed. */
    SKIPPED
}
