package org.wardnet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.access.AccessToken;
import org.wardnet.core.access.Grant;
import org.wardnet.core.access.Role;
import org.wardnet.core.access.User;
import org.wardnet.storage.Database;
import org.wardnet.storage.access.AccessChangeListener;
import org.wardnet.storage.access.JdbcUserStore;

/**
 * How long after one server revokes a token another server on the same PostgreSQL database has
 * heard it and dropped its cached copy: two connection pools on one database, as two servers
 * would have; {@code TOKENS} tokens (default 500) revoked one after another through the first,
 * each timed from just before its revoking statement is sent until the second's listener is told.
 * Figure: p50, p99 and the longest delay (target: the other server refuses it within 1 s).
 *
 * <p>Usage: {@code AccessChangeDelayBenchmark JDBC_URL USER}. Limits: both pools in one JVM on
 * loopback, so the network's delay between two hosts is not in the figure.
 */
public final class AccessChangeDelayBenchmark {

    private AccessChangeDelayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tokens = Integer.parseInt(System.getenv().getOrDefault("TOKENS", "500"));
        Path dir = Files.createTempDirectory("wardnet-access-bench-");
        WardnetConfig config = WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR, dir.toString())
                .with(WardnetKeys.STORE_JDBC_URL, args[0]).with(WardnetKeys.STORE_USERNAME, args[1]);
        Map<String, Long> heardAt = new ConcurrentHashMap<>();
        try (Database one = Database.open(config); Database other = Database.open(config);
             AccessChangeListener listener = AccessChangeListener.startOnSharedStore(other.dataSource(),
                     new AccessChangeListener.Changes() {
                         @Override
                         public void user(String name) {
                         }

                         @Override
                         public void token(String id) {
                             heardAt.putIfAbsent(id, System.nanoTime());
                         }

                         @Override
                         public void unheard() {
                         }
                     })) {
            JdbcUserStore users = new JdbcUserStore(one.dataSource());
            Instant now = Instant.now();
            users.create(new User("bench", "x", false, false, List.of(new Grant(Role.VIEWER, "*")), now, now));
            for (int i = 0; i < tokens; i++) {
                users.addToken(new AccessToken("bench-" + i, String.format("%064x", i), "bench",
                        AccessToken.Kind.API, "bench", now, null, null));
            }
            Thread.sleep(1_000); // the listener's LISTEN is in place
            long[] delays = new long[tokens];
            for (int i = 0; i < tokens; i++) {
                String id = "bench-" + i;
                long sent = System.nanoTime();
                users.revoke(id, Instant.now());
                long deadline = sent + 10_000_000_000L;
                while (!heardAt.containsKey(id) && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                Long heard = heardAt.get(id);
                if (heard == null) {
                    throw new IllegalStateException("the revocation of " + id + " was not heard within 10 s");
                }
                delays[i] = heard - sent;
            }
            Arrays.sort(delays);
            double p50 = delays[tokens / 2] / 1e6;
            double p99 = delays[Math.min(tokens - 1, (int) Math.ceil(tokens * 0.99) - 1)] / 1e6;
            double max = delays[tokens - 1] / 1e6;
            System.out.printf("RESULT a token revoked through one server, heard by another on the same PostgreSQL:"
                    + " p50 %.2f ms, p99 %.2f ms, longest %.2f ms of %,d (target <= 1,000 ms: %s)%n", p50, p99, max,
                    tokens, max <= 1_000 ? "MET" : "MISSED");
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
