package org.wardnet.bench.soak;

/**
 * One minute of the soak, as sampled from outside the server process.
 *
 * @param minute          minutes since the demo was ready
 * @param heapLiveMb      heap in use right after a full collection the sampler asked for (the live set)
 * @param heapBeforeMb    heap in use just before that collection
 * @param threads         the process's threads (/proc)
 * @param openFiles       the process's open file descriptors (/proc), sockets included
 * @param rssMb           resident memory (/proc), heap and native
 * @param nativeMb        resident memory outside the Java heap's range (/proc/PID/smaps)
 * @param databaseMb      the H2 database file
 * @param journalMb       the audit journal directory
 * @param recordingsMb    the recordings directory
 * @param offline         cameras OFFLINE in the health summary
 * @param segments        segments indexed by the recorders since they (re)started, summed
 * @param requestsOk      users' requests answered 2xx during the minute
 * @param requestsFailed  users' requests answered otherwise, or not at all, during the minute
 * @param events          health events received on the event stream during the minute
 */
record SoakSample(int minute, double heapLiveMb, double heapBeforeMb, int threads, int openFiles, double rssMb,
        double nativeMb, double databaseMb, double journalMb, double recordingsMb, int offline, long segments,
        int requestsOk, int requestsFailed, int events) {

    static String csvHeader() {
        return "minute,heap_live_mb,heap_before_gc_mb,threads,open_files,rss_mb,rss_outside_heap_mb,database_mb,"
                + "audit_journal_mb,"
                + "recordings_mb,offline_cameras,segments_indexed,requests_ok,requests_failed,events";
    }

    String csv() {
        return String.format(java.util.Locale.ROOT, "%d,%.1f,%.1f,%d,%d,%.1f,%.1f,%.2f,%.2f,%.1f,%d,%d,%d,%d,%d",
                minute, heapLiveMb, heapBeforeMb, threads, openFiles, rssMb, nativeMb, databaseMb, journalMb,
                recordingsMb, offline, segments, requestsOk, requestsFailed, events);
    }
}
