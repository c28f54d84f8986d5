package org.wardnet.core.health;

import java.time.Instant;
import java.util.List;

/**
 * Where health and recorder state changes are kept: appended in batches, read back newest first
 * per camera or site. Timelines read it to give a gap its cause.
 */
public interface HealthHistory {

    /** Appends {@code events} together; all or none are kept. */
    void append(List<HealthEvent> events);

    /** The newest {@code limit} events of one camera or site before {@code until}, newest first. */
    List<HealthEvent> before(String subjectId, Instant until, int limit);

    /** The newest {@code limit} events of one camera or site, newest first. */
    default List<HealthEvent> recent(String subjectId, int limit) {
        return before(subjectId, Instant.parse("9999-12-31T00:00:00Z"), limit);
    }
}
