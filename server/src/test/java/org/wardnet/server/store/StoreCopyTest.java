package org.wardnet.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.server.TestServer;
import org.wardnet.server.cli.CliAccess;
import org.wardnet.storage.Database;
import org.wardnet.storage.clips.JdbcClipIndex;
import org.wardnet.storage.stores.ScratchPostgres;

/**
 * {@code wardnet store copy} from a real H2 store, filled through the API, into a real PostgreSQL:
 * a server on the copy finds the sites (a tree), cameras, users, audit trail and clips (partitioned
 * by day) with their hold; a non-empty target is refused; a copy stopped part-way by the target
 * resumes where it stopped.
 */
class StoreCopyTest {

    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    private static final String HEALTH_EVENT = "INSERT INTO health_event (at, subject, subject_id, from_state, to_state,"
            + " reason, alarm) VALUES (TIMESTAMP WITH TIME ZONE '2026-11-20 00:00:00+00', 'CAMERA', 'cam-1', 'UNKNOWN',"
            + " 'ONLINE', 'probed', FALSE)";

    @TempDir
    Path dir;

    private ScratchPostgres postgres;
    private Path h2;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void fillAnH2Store() throws Exception {
        postgres = ScratchPostgres.start();
        h2 = dir.resolve("h2");
        try (TestServer api = TestServer.start(h2, config -> config.with(WardnetKeys.STORE_JDBC_URL, "")
                .with(WardnetKeys.HEALTH_ENABLED, false))) {
            api.smallTree();
            for (String[] camera : new String[][] {{"cam-1", "R1"}, {"cam-2", "R2"}, {"cam-3", "S1"}}) {
                assertEquals(201, api.postJson("/api/v1/cameras", TestServer.camera(camera[0], camera[1])).statusCode());
            }
            api.userWith("ann", "investigator@S1");
        }
        try (Database db = Database.open(WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR, h2.toString()))) {
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource());
            List<Clip> clips = new ArrayList<>();
            for (int hour = 0; hour < 48; hour++) { // two days: two partitions on PostgreSQL
                for (String camera : List.of("cam-1", "cam-2", "cam-3")) {
                    Instant start = T0.plus(Duration.ofHours(hour));
                    clips.add(new Clip(0, camera, start, start.plusSeconds(3600), "/rec/" + camera + "/" + hour + ".mp4",
                            1000L, "H264", 640, 360, 1, null, ClipOrigin.RECORDED));
                }
            }
            List<Long> ids = index.add(clips);
            index.hold(ids.get(100), "case 2026-300", T0);
            try (Connection connection = db.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                for (int i = 0; i < 3; i++) { // ids from the table's identity: the copy's must continue after them
                    statement.execute(HEALTH_EVENT);
                }
            }
        }
    }

    @AfterEach
    void stopPostgres() throws Exception {
        postgres.close();
    }

    private int copy(String url, String... more) {
        output.reset();
        List<String> args = new ArrayList<>(List.of("store", "copy", "--from", h2.toString(), "--to", url,
                "--to-user", ScratchPostgres.USER, "--batch", "7"));
        args.addAll(List.of(more));
        return CliAccess.run(args.toArray(String[]::new), new PrintStream(output, true, StandardCharsets.UTF_8),
                Map.of());
    }

    private String said() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aServerOnTheCopyFindsEverythingAndANonEmptyTargetIsRefused() throws Exception {
        String url = postgres.newDatabase();
        assertEquals(0, copy(url), said());
        assertTrue(said().contains("row counts match; the audit trail holds"), said());
        assertTrue(said().matches("(?s).*folded [1-9][0-9,]* audit entries from the source's journal.*"),
                "the source's journaled entries were copied themselves, not their spans: " + said());

        try (TestServer copied = TestServer.start(dir.resolve("pg"), config -> config
                .with(WardnetKeys.STORE_JDBC_URL, url).with(WardnetKeys.STORE_USERNAME, ScratchPostgres.USER)
                .with(WardnetKeys.STORE_SECRET_KEY_FILE, h2.resolve("secret.key").toString())
                .with(WardnetKeys.HEALTH_ENABLED, false))) {
            assertEquals("S1", TestServer.json(copied.get("/api/v1/sites/R1")).path("parentId").asText());
            assertEquals(200, copied.get("/api/v1/cameras/cam-3").statusCode());
            assertTrue(copied.get("/api/v1/users/ann").body().contains("investigator"));
            assertEquals(201, copied.postJson("/api/v1/sites", "{\"id\":\"R3\",\"name\":\"Room 3\",\"tier\":\"ROOM\","
                    + "\"parentId\":\"S1\",\"kind\":\"SCHOOL\"}").statusCode(), "the copy takes new writes");
        }
        try (Database db = Database.open(WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR, dir.toString())
                .with(WardnetKeys.STORE_JDBC_URL, url).with(WardnetKeys.STORE_USERNAME, ScratchPostgres.USER))) {
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource());
            assertEquals(48, index.overlapping("cam-2", T0, T0.plus(Duration.ofDays(2)), null, 100).size());
            assertTrue(index.holdOf(101).isPresent(), "the hold came along with its clip");
            long fresh = index.add(List.of(new Clip(0, "cam-1", T0.plus(Duration.ofDays(2)),
                    T0.plus(Duration.ofDays(2)).plusSeconds(60), "/rec/cam-1/new.mp4", 1000L, "H264", 640, 360, 1, null,
                    ClipOrigin.RECORDED))).get(0);
            assertTrue(fresh > 144, "a clip indexed on the copy gets an id above the 144 copied, not " + fresh);
            try (Connection connection = db.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute(HEALTH_EVENT); // would collide with a copied id if the identity had not moved on
                try (ResultSet partitions = statement.executeQuery("SELECT COUNT(*) FROM pg_inherits"
                        + " WHERE inhparent = 'clip'::regclass")) {
                    partitions.next();
                    assertTrue(partitions.getInt(1) >= 2, "the clips' days have their partitions");
                }
            }
        }

        assertEquals(1, copy(url), said());
        assertTrue(said().contains("already holds rows"), said());
    }

    @Test
    void aCopyStoppedPartWayResumes() throws Exception {
        String url = postgres.newDatabase();
        try (Database db = Database.open(WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR, dir.toString())
                .with(WardnetKeys.STORE_JDBC_URL, url).with(WardnetKeys.STORE_USERNAME, ScratchPostgres.USER));
                Connection connection = db.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE FUNCTION refuse_for_the_test() RETURNS trigger AS $$ BEGIN"
                    + " RAISE EXCEPTION 'refused for the test'; END $$ LANGUAGE plpgsql");
            statement.execute("CREATE TRIGGER refuse BEFORE INSERT ON clip FOR EACH ROW WHEN (NEW.id = 9)"
                    + " EXECUTE FUNCTION refuse_for_the_test()");
        }
        assertEquals(1, copy(url), said());
        assertTrue(said().contains("refused for the test") && said().contains("run it again to resume"), said());

        try (Database db = Database.open(WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR, dir.toString())
                .with(WardnetKeys.STORE_JDBC_URL, url).with(WardnetKeys.STORE_USERNAME, ScratchPostgres.USER));
                Connection connection = db.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet copied = statement.executeQuery("SELECT COUNT(*) FROM clip")) {
                copied.next();
                assertEquals(7, copied.getInt(1), "the first batch of 7 clips committed, the second did not");
            }
            statement.execute("DROP TRIGGER refuse ON clip");
        }
        assertEquals(0, copy(url), said());
        assertTrue(said().contains("resuming clip after the batch that ended at key "), said());
        assertTrue(said().contains("row counts match; the audit trail holds"), said());
    }

    @Test
    void badUsageIsRefusedWithTheReason() {
        output.reset();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        assertEquals(2, CliAccess.run(new String[] {"store", "copy", "--from", h2.toString()}, out, Map.of()));
        assertTrue(said().contains("store copy needs --from DIR and --to JDBC_URL"), said());
        output.reset();
        assertEquals(2, CliAccess.run(new String[] {"store", "copy", "--from", h2.toString(), "--to", "/var/db"}, out,
                Map.of()));
        assertTrue(said().contains("--to takes a JDBC URL"), said());
        output.reset();
        assertEquals(1, CliAccess.run(new String[] {"store", "copy", "--from", dir.resolve("nothing").toString(),
                "--to", "jdbc:postgresql://127.0.0.1:1/x"}, out, Map.of()));
        assertTrue(said().contains("no Wardnet store in"), said());
        output.reset();
        assertEquals(1, copy("jdbc:postgresql://127.0.0.1:1/nowhere"), said());
        assertTrue(said().contains("store.jdbcUrl"), "a target that does not answer is named: " + said());
    }
}
