package org.wardnet.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.wardnet.adapters.federation.HttpParentLink;
import org.wardnet.app.federation.SyncRecords;
import org.wardnet.app.federation.UpwardSync;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.RegistryStore;
import org.wardnet.core.registry.Site;
import org.wardnet.storage.federation.JdbcSyncJournal;
import org.wardnet.storage.registry.JdbcRegistryStore;

/**
 * This node's link to its parent tier node, when federation.parentUrl names one: the registry's
 * store writes every change to the sync journal too, and the upward sync pushes the journal to the
 * parent, copying the parent's sites above this node's own into the registry when it first
 * connects. Without a parent, nothing is journaled and nothing runs.
 */
final class UpwardLink implements AutoCloseable {

    private final WardnetConfig config;
    private final JdbcSyncJournal journal;
    private final SyncRecords records;
    private UpwardSync sync;

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

    /** Starts pushing to the parent, if there is one. */
    void start(Registry registry) {
        if (journal == null) {
            return;
        }
        String certificate = config.get(WardnetKeys.FEDERATION_PARENT_CERTIFICATE_FILE);
        HttpParentLink parent = new HttpParentLink(URI.create(config.get(WardnetKeys.FEDERATION_PARENT_URL)),
                config.get(WardnetKeys.FEDERATION_NODE_TOKEN), certificate.isEmpty() ? null : Path.of(certificate),
                Duration.ofSeconds(30));
        sync = new UpwardSync(journal, parent, ancestry -> copyMissing(registry, ancestry),
                config.get(WardnetKeys.FEDERATION_BATCH_ROWS),
                Duration.ofMillis(config.get(WardnetKeys.FEDERATION_IDLE_MILLIS)),
                Duration.ofSeconds(config.get(WardnetKeys.FEDERATION_MAX_RETRY_SECONDS)), Clock.systemUTC()).start();
    }

    /** The upward sync's state, or null without a parent. */
    UpwardSync.Status status() {
        return sync == null ? null : sync.status();
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
        if (sync != null) {
            sync.close();
        }
    }
}
