package org.wardnet.storage.health;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.storage.StoreAnnouncements;

/**
 * Hears the health state changes another server on the same PostgreSQL database records
 * (migration V23, channel {@value #CHANNEL}), for a server that shows them without probing. Each
 * is handed on as a {@link HealthEvent} holding its subject, id, new state and time (the rest of
 * the record is not announced). When announcements may have been missed (at the start, after the
 * connection was lost), the last recorded state of every subject is read from the history and
 * handed over whole.
 *
 * <p>Limits: PostgreSQL only.
 */
public final class HealthAnnouncements {

    /** The channel the database announces recorded state changes on. */
    public static final String CHANNEL = "wardnet_health";
    private static final Logger LOG = LoggerFactory.getLogger(HealthAnnouncements.class);

    private HealthAnnouncements() {
    }

    /**
     * Hears recorded state changes through {@code announcements} (started by their owner).
     *
     * @param changed told of each state change another server records
     * @param latest  told of every subject's last recorded state when changes may have gone unheard
     */
    public static void listenOn(StoreAnnouncements announcements, DataSource dataSource,
            Consumer<HealthEvent> changed, Consumer<List<HealthEvent>> latest) {
        Objects.requireNonNull(changed, "changed");
        Objects.requireNonNull(latest, "latest");
        JdbcHealthHistory history = new JdbcHealthHistory(dataSource);
        announcements.listen(CHANNEL, payload -> {
            HealthEvent event = parse(payload);
            if (event != null) {
                changed.accept(event);
            } else {
                LOG.warn("a health announcement it cannot read: '{}'; reading every last state again", payload);
                latest.accept(history.latestStates());
            }
        }, () -> latest.accept(history.latestStates()));
    }

    /** '<subject>:<to state>:<epoch ms>:<subject id>', or null when it is not that. */
    static HealthEvent parse(String payload) {
        String[] parts = payload.split(":", 4);
        if (parts.length != 4) {
            return null;
        }
        try {
            return new HealthEvent(Instant.ofEpochMilli(Long.parseLong(parts[2])),
                    HealthEvent.Subject.valueOf(parts[0]), parts[3], null, parts[1], null, false, null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
