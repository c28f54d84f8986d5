package org.wardnet.bench.track;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import org.wardnet.app.track.FollowAnswer;
import org.wardnet.app.track.TrackService;
import org.wardnet.bench.DistrictClips;
import org.wardnet.bench.BenchAccess;
import org.wardnet.bench.RegisteredDistrict;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.LiveKeys;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.access.Caller;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.track.FollowQuery;
import org.wardnet.core.track.TravelMode;
import org.wardnet.simulator.district.District;
import org.wardnet.simulator.district.DistrictGenerator;
import org.wardnet.storage.Database;
import org.wardnet.storage.clips.JdbcClipIndex;
import org.wardnet.storage.registry.JdbcRegistryStore;
import org.wardnet.storage.secrets.SecretKeys;
import org.wardnet.server.WardnetServer;
import org.wardnet.storage.track.JdbcTrackStore;

/**
 * Follow latency at district scale: the reference district registered, its street grid loaded,
 * and DAYS days of one-hour clips for every camera (30 days is about 8.9 million rows, 336 about
 * 100 million). Then the server's own follow (plan, and one clip seek per candidate's window;
 * no HTTP) for a random camera, time and mode, limit 10: the first 200 after reopening the store
 * are "cold", the next 2,000 "warm". Then the same through the HTTP API of a whole server started
 * on that store ({@link HttpFollows}): each request authenticated, authorised and audited.
 *
 * <p>Usage: {@code FollowLatencyBenchmark DAYS}
 */
public final class FollowLatencyBenchmark {

    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

    public static void main(String[] args) throws Exception {
        int days = Integer.parseInt(args[0]);
        District district = DistrictGenerator.reference();
        String[] ids = district.cameras().stream().map(CameraDraft::id).toArray(String[]::new);
        Path dir = Files.createTempDirectory("wardnet-follow-bench-");
        WardnetConfig config = WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR, dir.toString());
        try (Database db = Database.open(config)) {
            RegisteredDistrict.register(db, config, district);
            DistrictClips.ingest(new JdbcClipIndex(db.dataSource()), ids, T0, days, 1_000);
        }
        try (Database db = Database.open(config)) {
            Registry registry = Registry.open(new JdbcRegistryStore(db.dataSource(), SecretKeys.load(config)), Clock.systemUTC());
            TrackService track = TrackService.start(config, registry, new JdbcTrackStore(db.dataSource()),
                    new JdbcClipIndex(db.dataSource()));
            Random random = new Random(2014);
            long[] cold = run(track, ids, random, days, 200);
            long[] warm = run(track, ids, random, days, 2_000);
            System.out.printf("RESULT follow (%,d cameras, %d days of clips) cold: p50 %.2f ms, p99 %.2f ms%n",
                    ids.length, days, p(cold, 50), p(cold, 99));
            System.out.printf("RESULT follow warm: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", p(warm, 50), p(warm, 99),
                    p(warm, 100));
            track.close();
        }
        try (WardnetServer server = WardnetServer.start(BenchAccess.withAdmin(config.with(WardnetKeys.SERVER_PORT, 0)
                .with(LiveKeys.LIVE_RTSP_PORT, 0).with(WardnetKeys.HEALTH_ENABLED, false)
                .with(WardnetKeys.RECORDING_ENABLED, false)))) {
            HttpFollows http = new HttpFollows(server.baseUrl(), BenchAccess.login(HttpFollows.HTTP, server.baseUrl()));
            Random random = new Random(2015);
            long[] cold = http.timed(ids, random, 200, T0.plusSeconds(3_600), days * 24 * 3600L - 7_200);
            long[] warm = http.timed(ids, random, 2_000, T0.plusSeconds(3_600), days * 24 * 3600L - 7_200);
            System.out.printf("RESULT follow through the HTTP API (bearer token, audited, one request at a time) cold:"
                    + " p50 %.2f ms, p99 %.2f ms%n", p(cold, 50), p(cold, 99));
            System.out.printf("RESULT follow through the HTTP API warm: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    p(warm, 50), p(warm, 99), p(warm, 100));
        } finally {
            DistrictClips.delete(dir);
        }
    }

    private static long[] run(TrackService track, String[] ids, Random random, int days, int count) {
        return timed(track, ids, random, count, T0.plusSeconds(3_600), days * 24 * 3600L - 7_200);
    }

    /**
     * {@code count} follows (limit 10) from a random camera at a random time in [first, first +
     * spanSeconds) in a random mode, each timed (nanoseconds, in order); fails when no answer had a
     * clip, as then nothing was measured.
     */
    public static long[] timed(TrackService track, String[] ids, Random random, int count, Instant first,
            long spanSeconds) {
        long[] nanos = new long[count];
        TravelMode[] modes = TravelMode.values();
        int clips = 0;
        for (int i = 0; i < count; i++) {
            TravelMode mode = modes[random.nextInt(modes.length)];
            Instant at = first.plusSeconds(random.nextInt((int) Math.max(1, spanSeconds)));
            FollowQuery query = new FollowQuery(ids[random.nextInt(ids.length)], at, mode,
                    TrackEvaluation.horizon(mode), 10, null, Set.of(), null);
            long t = System.nanoTime();
            FollowAnswer answer = track.follow(Caller.system(), query);
            nanos[i] = System.nanoTime() - t;
            clips += answer.proposals().stream().mapToInt(p -> p.clips().size()).sum();
        }
        if (clips == 0) {
            throw new IllegalStateException("no follow answer had a clip: the benchmark measured nothing");
        }
        return nanos;
    }

    static double p(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
