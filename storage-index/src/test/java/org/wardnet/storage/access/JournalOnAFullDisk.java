package org.wardnet.storage.access;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.wardnet.core.audit.AuditChain;
import org.wardnet.core.audit.AuditEntry;

/**
 * Run by {@link AuditJournalDiskFullTest} in a process of its own whose directory is a 1 MiB
 * filesystem: fills most of it, appends until the journal refuses, frees the room and appends
 * again, then reads the journal back. Prints what happened, a line per step.
 */
final class JournalOnAFullDisk {

    private JournalOnAFullDisk() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path filler = dir.resolve("filler");
        try (OutputStream out = Files.newOutputStream(filler)) {
            out.write(new byte[600 * 1024]);
        }
        Path journalDir = Files.createDirectory(dir.resolve("journal"));
        List<AuditEntry> appended = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        long seq = 0;
        try (AuditJournal journal = AuditJournal.open(journalDir, 256 * 1024)) {
            String refusal = null;
            while (refusal == null) {
                List<AuditEntry> group = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    AuditEntry e = AuditChain.link(seq + 1, new AuditEntry.Draft(Instant.EPOCH.plusSeconds(seq), "ana",
                            "*", "127.0.0.1", "clips.list", "/api/v1/clips?camera=cam-" + seq, 200), previous);
                    seq++;
                    previous = e.hash();
                    group.add(e);
                }
                try {
                    journal.append(group, false);
                    appended.addAll(group);
                } catch (IOException e) {
                    refusal = e.getMessage();
                    seq -= group.size(); // never acknowledged: the next group takes the same numbers
                    previous = appended.get(appended.size() - 1).hash();
                }
            }
            System.out.println("refused after " + appended.size() + ": " + refusal);
            System.out.println("files while full: " + names(journalDir));
            Files.delete(filler);
            List<AuditEntry> group = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                AuditEntry e = AuditChain.link(++seq, new AuditEntry.Draft(Instant.EPOCH.plusSeconds(seq), "ana", "*",
                        "127.0.0.1", "clips.list", "/api/v1/clips?camera=after-" + seq, 200), previous);
                previous = e.hash();
                group.add(e);
            }
            journal.append(group, true);
            appended.addAll(group);
            System.out.println("appended once there was room: " + appended.size());
        }
        try (AuditJournal journal = AuditJournal.open(journalDir, 256 * 1024)) {
            List<AuditEntry> read = new ArrayList<>();
            journal.replay(0, read::addAll);
            System.out.println("read back " + read.size() + ", identical " + read.equals(appended) + ", chain holds "
                    + AuditChain.firstBreak(read.iterator()).isEmpty());
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
