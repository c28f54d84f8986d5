package org.wardnet.server.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.audit.AuditStore;
import org.wardnet.storage.Database;
import org.wardnet.storage.access.JdbcAuditStore;
import org.wardnet.storage.access.JournaledAuditStore;

/**
 * Opens the audit trail as {@code store.auditJournal} says: a journal in front of the database
 * (AUTO with the embedded store, or ON), or the database alone. Opening a journaled trail first
 * stores what a stopped or killed server journaled but had not indexed, so every reader of the
 * database (the server, {@code wardnet audit verify}, {@code wardnet store copy}) sees it all.
 */
public final class AuditStores {

    private AuditStores() {
    }

    /** Whether this configuration puts a journal in front of the database. */
    public static boolean journaled(WardnetConfig config) {
        return switch (config.get(WardnetKeys.STORE_AUDIT_JOURNAL)) {
            case "ON" -> true;
            case "OFF" -> false;
            default -> config.get(WardnetKeys.STORE_JDBC_URL).isBlank();
        };
    }

    /**
     * The trail's store; {@link #close} it after the last append and
     * before the database.
     *
     * @throws IOException when the journal cannot be read
     */
    public static AuditStore open(WardnetConfig config, Database database) throws IOException {
        JdbcAuditStore stored = new JdbcAuditStore(database.dataSource());
        if (!journaled(config)) {
            foldJournal(config, database); // a store journaled before: its entries into the database first
            return stored;
        }
        return JournaledAuditStore.open(stored, journalDirectory(config),
                JournaledAuditStore.Sync.valueOf(config.get(WardnetKeys.STORE_AUDIT_JOURNAL_SYNC)));
    }

    private static Path journalDirectory(WardnetConfig config) {
        return Path.of(config.get(WardnetKeys.STORE_DATA_DIR), "audit-journal");
    }

    /**
     * Copies the entries that the database indexes in the journal's segments into blocks of the
     * database, so the trail reads without the journal (before a copy into another store, or when
     * the journal is turned off). Nothing to do when the database points into no journal.
     *
     * @return how many entries were copied
     * @throws IOException when the journal cannot be read
     */
    public static long foldJournal(WardnetConfig config, Database database) throws IOException {
        JdbcAuditStore stored = new JdbcAuditStore(database.dataSource());
        if (!stored.indexesJournal()) {
            return 0;
        }
        return JournaledAuditStore.foldIntoDatabase(stored, journalDirectory(config));
    }

    /** Publishes how far the database is behind a journaled trail ({@code wardnet_audit_unindexed_entries}). */
    public static void bindMetrics(AuditStore store, MeterRegistry registry) {
        if (store instanceof JournaledAuditStore journaled) {
            Gauge.builder("wardnet.audit.unindexed.entries", journaled::unindexed)
                    .description("Audit entries written to the journal and not yet stored in the database")
                    .register(registry);
        }
    }

    /** Closes a journaled trail (indexing what it holds); nothing to do for the database alone. */
    public static void close(AuditStore store) {
        if (store instanceof JournaledAuditStore journaled) {
            journaled.close();
        }
    }
}
