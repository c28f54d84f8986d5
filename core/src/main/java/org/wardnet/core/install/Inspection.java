package org.wardnet.core.install;


/**
 * A camera's verification report and the snapshot fetched during it.
 *
 * @param report   the checklist
 * @param snapshot the JPEG bytes; null when none was fetched
 */
public record Inspection(VerificationReport report, byte[] snapshot) {
}
