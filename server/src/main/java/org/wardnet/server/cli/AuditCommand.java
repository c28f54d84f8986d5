package org.wardnet.server.cli;

import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.wardnet.config.ConfigLoader;
import org.wardnet.config.WardnetConfig;
import org.wardnet.core.audit.AuditChain;
import org.wardnet.core.audit.AuditDamageException;
import org.wardnet.core.audit.AuditEntry;
import org.wardnet.core.audit.AuditStore;
import org.wardnet.server.audit.AuditStores;
import org.wardnet.storage.Database;
import org.wardnet.storage.access.JournaledAuditStore;

/**
 * {@code wardnet audit verify [--data DIR] [--config FILE] [--set K=V]}: walks the audit trail from
 * its first entry and checks every hash and link. Exit 0 when it holds, 3 at the first broken
 * entry (named, with why) or when the trail records a loss of entries (a journal that no longer
 * holds what the database indexed: see {@code JournaledAuditStore}), 1 when the store cannot be
 * opened, 2 on bad usage. Reads the store
 * directly, so run it with the server stopped (the embedded store allows one process).
 */
final class AuditCommand {

    private static final int PAGE = 10_000;

    private AuditCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) throws Exception {
        if (args.length == 0 || !args[0].equals("verify")) {
            err.println("usage: wardnet audit verify [--data DIR] [--config FILE] [--set KEY=VALUE]");
            return 2;
        }
        String[] serveLike = new String[args.length];
        serveLike[0] = "serve";
        System.arraycopy(args, 1, serveLike, 1, args.length - 1);
        CommandLine line = CommandLine.parse(serveLike);
        WardnetConfig config = ConfigLoader.load(line.config(), env, line.overrides());
        try (Database db = Database.open(config)) {
            AuditStore store = AuditStores.open(config, db); // a journal's unindexed entries stored first
            Paged entries = new Paged(store);
            Optional<AuditChain.Break> broken;
            try {
                broken = AuditChain.firstBreak(entries);
            } catch (AuditDamageException e) {
                broken = Optional.of(new AuditChain.Break(e.seq(), e.reason()));
            } finally {
                AuditStores.close(store);
            }
            if (broken.isPresent()) {
                out.println("audit trail broken at entry " + broken.get().seq() + ": " + broken.get().reason());
                return 3;
            }
            if (entries.firstLoss != null) {
                out.println("audit trail links hold, but entry " + entries.firstLoss.seq() + " records a loss: "
                        + entries.firstLoss.target() + " (" + entries.losses + " such entries)");
                return 3;
            }
            out.println("audit trail holds: " + entries.count + " entries"
                    + (entries.last == null ? "" : ", last hash " + entries.last));
            return 0;
        }
    }

    /** The trail read page by page, never whole in memory; how many entries and the last hash once read. */
    static final class Paged implements Iterator<AuditEntry> {
        private final AuditStore store;
        private List<AuditEntry> page = List.of();
        private int index;
        private long after;
        private long count;
        private String last;
        private AuditEntry firstLoss;
        private long losses;

        Paged(AuditStore store) {
            this.store = store;
        }

        long count() {
            return count;
        }

        String last() {
            return last;
        }

        @Override
        public boolean hasNext() {
            if (index < page.size()) {
                return true;
            }
            page = store.read(after, PAGE);
            index = 0;
            return !page.isEmpty();
        }

        @Override
        public AuditEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            AuditEntry e = page.get(index++);
            after = e.seq();
            count++;
            last = e.hash();
            if (JournaledAuditStore.LOST_ACTION.equals(e.action())) {
                losses++;
                if (firstLoss == null) {
                    firstLoss = e;
                }
            }
            return e;
        }
    }
}
