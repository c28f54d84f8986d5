package org.wardnet.core.clips;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start times written into recording file names, as recorders name their files:
 * {@code 20261129T140000Z.mp4}, {@code 2026-11-29T14-00-00Z_cam.mp4},
 * {@code 2026-11-29T14:00:00.250Z.mp4} or {@code cam1_2026-11-29_14-00-00.mp4}. A name without a
 * zone designator is read as UTC.
 */
public final class RecordingNames {

    private static final Pattern STAMP = Pattern.compile(
            "(\\d{4})-?(\\d{2})-?(\\d{2})[T_ ](\\d{2})[-:]?(\\d{2})[-:]?(\\d{2})(?:[.,](\\d{1,3}))?(Z)?");

    private RecordingNames() {
    }

    /** The first time stamp in the name, if it holds a valid one. */
    public static Optional<Instant> startOf(String fileName) {
        Matcher m = STAMP.matcher(fileName);
        while (m.find()) {
            try {
                LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        Integer.parseInt(m.group(6)));
                long millis = m.group(7) == null ? 0 : Long.parseLong((m.group(7) + "00").substring(0, 3));
                return Optional.of(local.toInstant(ZoneOffset.UTC).plusMillis(millis));
            } catch (DateTimeException | NumberFormatException e) {
                // not a real date: look further along the name
            }
        }
        return Optional.empty();
    }
}
