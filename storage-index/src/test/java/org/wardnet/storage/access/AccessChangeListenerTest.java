package org.wardnet.storage.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.wardnet.core.access.AccessToken;
import org.wardnet.core.access.Grant;
import org.wardnet.core.access.Role;
import org.wardnet.core.access.User;
import org.wardnet.storage.Database;
import org.wardnet.storage.stores.StoreTest;
import org.wardnet.storage.stores.StoreTestCase;

/**
 * Two servers on one PostgreSQL database (two connection pools): what one changes of a user, its
 * grants or a token, the other hears; a listener whose connection was cut comes back and then
 * says that changes may have gone unheard.
 */
class AccessChangeListenerTest extends StoreTestCase {

    private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    /** What the listener heard, in order: "user:NAME", "token:ID" or "unheard". */
    private final LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();

    private final AccessChangeListener.Changes recorder = new AccessChangeListener.Changes() {
        @Override
        public void user(String name) {
            heard.add("user:" + name);
        }

        @Override
        public void token(String id) {
            heard.add("token:" + id);
        }

        @Override
        public void unheard() {
            heard.add("unheard");
        }
    };

    @StoreTest
    void whatOneServerChangesTheOtherHears() throws Exception {
        assumeTrue(store.postgres(), "an H2 store has one server, which sees its own changes");
        try (Database one = store.open(); Database other = store.open()) {
            JdbcUserStore users = new JdbcUserStore(one.dataSource());
            users.create(new User("ada", "hash", false, false, List.of(new Grant(Role.VIEWER, "*")), AT, AT));
            users.addToken(new AccessToken("tok-1", "a".repeat(64), "ada", AccessToken.Kind.API, "ops", AT, null,
                    null));
            try (AccessChangeListener listener = AccessChangeListener.startOnSharedStore(other.dataSource(), recorder)) {
                assertEquals("unheard", next(), "said once its LISTEN is in place");

                users.revoke("tok-1", AT.plusSeconds(1));
                assertEquals("token:tok-1", next());
                users.update("ada", List.of(new Grant(Role.OPERATOR, "*")), false, AT.plusSeconds(2));
                assertTrue(drainUntil("user:ada"), "a grant changed");
                users.update("ada", List.of(new Grant(Role.OPERATOR, "*")), true, AT.plusSeconds(3));
                assertTrue(drainUntil("user:ada"), "the user disabled");
                users.delete("ada");
                assertTrue(drainUntil("token:tok-1"), "a deleted user's tokens go with it");
            }
        }
    }

    @StoreTest
    void aListenerThatLostItsConnectionComesBackAndSaysChangesMayHaveGoneUnheard() throws Exception {
        assumeTrue(store.postgres(), "an H2 store has one server, which sees its own changes");
        try (Database one = store.open(); Database other = store.open()) {
            JdbcUserStore users = new JdbcUserStore(one.dataSource());
            users.create(new User("bob", "hash", false, false, List.of(new Grant(Role.VIEWER, "*")), AT, AT));
            users.addToken(new AccessToken("tok-2", "b".repeat(64), "bob", AccessToken.Kind.API, "ops", AT, null,
                    null));
            try (AccessChangeListener listener = AccessChangeListener.startOnSharedStore(other.dataSource(), recorder)) {
                assertEquals("unheard", next());
                try (Connection admin = one.dataSource().getConnection(); Statement cut = admin.createStatement()) {
                    cut.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN "
                            + AccessChangeListener.CHANNEL + "'");
                }
                assertEquals("unheard", next(), "listening again: what changed meanwhile may have gone unheard");

                users.revoke("tok-2", AT.plusSeconds(1));
                assertEquals("token:tok-2", next(), "heard after the listener came back");
            }
        }
    }

    /** The next thing heard, waiting up to 10 s (a functional bound: about a second is expected). */
    private String next() throws InterruptedException {
        String change = heard.poll(10, TimeUnit.SECONDS);
        if (change == null) {
            throw new AssertionError("nothing heard within 10 s");
        }
        return change;
    }

    /** Whether {@code wanted} is heard before 10 s pass without anything heard. */
    private boolean drainUntil(String wanted) throws InterruptedException {
        for (String change = heard.poll(10, TimeUnit.SECONDS); change != null;
                change = heard.poll(10, TimeUnit.SECONDS)) {
            if (change.equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
