package org.wardnet.storage.clips;

/** The hour arithmetic of the clip table: hours and days since the epoch (UTC). */
final class ClipHours {

    static final long HOUR = 3_600_000L;
    static final int HOURS_PER_DAY = 24;

    private ClipHours() {
    }

    static int hourOf(long epochMillis) {
        return (int) Math.floorDiv(epochMillis, HOUR);
    }

    static int dayOf(int hour) {
        return Math.floorDiv(hour, HOURS_PER_DAY);
    }
}
