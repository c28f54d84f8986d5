package org.wardnet.core.recording;

import java.util.List;

/** Where recording plans are kept, one per camera or site. */
public interface RecordingPlanStore {

    List<RecordingPlan> all();

    /** Sets or replaces the plan of a camera or site. */
    void put(RecordingPlan plan);

    /** Removes a plan; true when there was one. */
    boolean remove(String subjectId);
}
