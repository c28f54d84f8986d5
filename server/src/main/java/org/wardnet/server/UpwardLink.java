package org.wardnet.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.adapters.federation.HttpParentLink;
import org.wardnet.app.federation.ParentAccount;
import org.wardnet.app.federation.SyncRecords;
import org.wardnet.app.federation.UpwardSync;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.RegistryStore;
import org.wardnet.core.registry.Site;
import org.wardnet.core.audit.AuditStore;
import org.wardnet.core.federation.Change;
import org.wardnet.core.federation.NodeAccess;
import org.wardnet.core.federation.Snapshots;
import org.wardnet.core.federation.SyncedChanges;
import org.wardnet.storage.childsync.JdbcSnapshots;
import org.wardnet.storage.childsync.JdbcSyncedChanges;
import org.wardnet.storage.clips.JdbcClipIndex;
import org.wardnet.storage.clips.SyncedClipRows;
import org.wardnet.storage.federation.JdbcSyncJournal;
import org.wardnet.storage.health.JdbcHealthHistory;
import org.wardnet.storage.registry.JdbcRegistryStore;
import org.wardnet.storage.registry.JdbcVerificationStore;

/**
 * This node's link to its parent tier node, when federation.parentUrl names one: the registry's
 * store, the health history, the clip index and the store of this node's own children's pushes
 * write every change to the sync journal too, and the upward sync pushes the journal to the
 * parent, copying the parent's sites above this node's own into the registry when it first
 * connects. Without a parent, nothing is journaled and nothing runs.
 */
final class UpwardLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UpwardLink.class);

    private final WardnetConfig config;
    private final JdbcSyncJournal journal;
    private final SyncRecords records;
    private UpwardSync sync;
    private ScheduledExecutorService heads;
    private AuditStore.Head lastHead;
    private volatile String accessToken;

    private UpwardLink(WardnetConfig config, JdbcSyncJournal journal, SyncRecords records) {
        this.config = config;
        this.journal = journal;
        this.records = records;
    }

    /** @throws ServerStartException when a parent is named without this node's token */
    static UpwardLink of(WardnetConfig config, DataSource dataSource) {
        if (config.get(WardnetKeys.FEDERATION_PARENT_URL).isEmpty()) {
            return new UpwardLink(config, null, null);
        }
        if (config.get(WardnetKeys.FEDERATION_NODE_TOKEN).isEmpty()) {
            throw new ServerStartException("federation.parentUrl names a parent, but federation.nodeToken is empty:"
                    + " ask the parent's administrator for this node's token (POST /api/v1/nodes there)", null);
        }
        return new UpwardLink(config, new JdbcSyncJournal(dataSource, Clock.systemUTC()), new SyncRecords(new ObjectMapper()));
    }

    /** The registry's store: journaled when there is a parent. */
    RegistryStore registryStore(JdbcRegistryStore plain) {
        return journal == null ? plain : plain.journaled(journal, records);
    }

    /** The health history: journaled when there is a parent, so state changes go upward. */
    JdbcHealthHistory history(JdbcHealthHistory plain) {
        return journal == null ? plain : plain.journaled(journal, records);
    }

    /** The verification store: journaled when there is a parent, so checklists go upward (snapshots stay here). */
    JdbcVerificationStore verifications(JdbcVerificationStore plain) {
        return journal == null ? plain : plain.journaled(journal, records);
    }

    /** The clip index: journaled when there is a parent, so clip rows go upward (media stays here). */
    JdbcClipIndex clipIndex(JdbcClipIndex plain) {
        return journal == null ? plain : plain.journaled(journal, records);
    }

    /**
     * How everything is re-sent to the parent when it lacks part of the journal (unused without a
     * parent): from the committed tables, which agree with the journal's numbers.
     */
    Snapshots snapshots(JdbcRegistryStore registryRows, JdbcHealthHistory history, JdbcClipIndex clips) {
        return journal == null ? Snapshots.NONE
                : new JdbcSnapshots(journal, records, registryRows::committed, history, clips);
    }

    /** Where this node's children's pushes are kept: journaled onward when there is a parent. */
    SyncedChanges childChanges(DataSource dataSource, JdbcClipIndex clips) {
        return new JdbcSyncedChanges(dataSource, new SyncedClipRows(clips), journal, records);
    }

    /**
     * Starts pushing to the parent, if there is one. At each resume this node copies the sites
     * above its own and, with federation.publicUrl set, announces how the parent reaches it for
     * footage (with a fresh token of {@link ParentAccount}).
     */
    void start(Registry registry, ParentAccount account, Snapshots snapshots, AuditStore audit) {
        if (journal == null) {
            return;
        }
        String certificate = config.get(WardnetKeys.FEDERATION_PARENT_CERTIFICATE_FILE);
        HttpParentLink parent = new HttpParentLink(URI.create(config.get(WardnetKeys.FEDERATION_PARENT_URL)),
                config.get(WardnetKeys.FEDERATION_NODE_TOKEN), certificate.isEmpty() ? null : Path.of(certificate),
                Duration.ofSeconds(30));
        String publicUrl = config.get(WardnetKeys.FEDERATION_PUBLIC_URL);
        if (publicUrl.isEmpty()) {
            LOG.warn("federation.publicUrl is empty: the parent lists this node's clips but cannot play or export them");
        }
        String pem = Tls.certificateFile(config).map(UpwardLink::read).orElse(null);
        sync = new UpwardSync(journal, parent, ancestry -> {
            copyMissing(registry, ancestry);
            if (!publicUrl.isEmpty() && !ancestry.isEmpty()) {
                if (accessToken == null) { // one token a start: a resume after a blip announces the same again
                    accessToken = account.freshToken(ancestry.get(ancestry.size() - 1).id());
                }
                parent.announce(new NodeAccess(publicUrl, pem, accessToken));
            }
        }, snapshots,
                new UpwardSync.Settings(config.get(WardnetKeys.FEDERATION_BATCH_ROWS),
                        Duration.ofMillis(config.get(WardnetKeys.FEDERATION_IDLE_MILLIS)),
                        Duration.ofSeconds(config.get(WardnetKeys.FEDERATION_HEARTBEAT_SECONDS)),
                        Duration.ofSeconds(config.get(WardnetKeys.FEDERATION_MAX_RETRY_SECONDS))),
                Clock.systemUTC()).start();
        long every = config.get(WardnetKeys.FEDERATION_HEARTBEAT_SECONDS);
        heads = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "wardnet-audit-head");
            thread.setDaemon(true);
            return thread;
        });
        heads.scheduleWithFixedDelay(() -> journalHead(audit), 0, every, TimeUnit.SECONDS);
    }

    /**
     * Journals the audit trail's end when it has moved since it was last journaled, so the parent
     * holds where this node's trail stood (and can tell if it is later rewritten).
     */
    private void journalHead(AuditStore audit) {
        try {
            AuditStore.Head head = audit.head();
            if (!head.equals(lastHead)) {
                journal.run((connection, entries) -> entries.put(Change.Kind.AUDIT_HEAD, "head",
                        records.auditHead(head)));
                lastHead = head;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("cannot journal the audit trail's end; next try in a moment: {}", e.toString());
        }
    }

    /** The upward sync's state, or null without a parent. */
    UpwardSync.Status status() {
        return sync == null ? null : sync.status();
    }

    private static String read(Path certificate) {
        try {
            return Files.readString(certificate, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ServerStartException("cannot read this node's certificate " + certificate + " to announce it to"
                    + " the parent: " + e.getMessage(), e);
        }
    }

    /** The parent's sites this node lacks, center first, so that its own site hangs where it belongs. */
    private static void copyMissing(Registry registry, List<Site> ancestry) {
        for (Site site : ancestry) {
            if (registry.site(site.id()).isEmpty()) {
                registry.putSynced(site);
            }
        }
    }

    @Override
    public void close() {
        if (heads != null) {
            heads.shutdown();
            try {
                heads.awaitTermination(5, TimeUnit.SECONDS); // a head being journaled finishes before the store closes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (sync != null) {
            sync.close();
        }
    }
}
