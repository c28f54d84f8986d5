package org.wardnet.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wardnet.config.ConfigException;
import org.wardnet.config.ConfigLoader;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.WardnetServer;
import org.wardnet.simulator.camera.FaultPlan;
import org.wardnet.simulator.district.District;
import org.wardnet.simulator.district.DistrictGenerator;
import org.wardnet.simulator.run.SimulatorRunner;

/**
 * The demo as one object: the reference district simulated on loopback, and a server over a
 * scratch H2 store (HTTPS with a self-signed certificate, an administrator with a random password)
 * holding the district but one room, which is left for the installer to discover; continuous
 * recording in one room; the street grid and six hours of footage indexed, one more as each hour
 * ends; and the demo's people.
 * {@code ./wardnet demo} runs one until Ctrl-C; the console's end-to-end tests and benchmark
 * start one in-process.
 *
 * <p>Limits: the simulator binds {@code simPort} on 12,414 loopback addresses and needs about as
 * many open files; only one demo can run per port.
 */
public final class DemoRun implements AutoCloseable {

    /**
     * How to start.
     *
     * @param scratchStore whether the store goes in a scratch directory deleted on close (otherwise
     *                     {@code store.dataDir} among the overrides or the configuration decides)
     * @param overrides    configuration overrides (KEY=VALUE), applied after the demo's own
     */
    public record Options(int simPort, int adminPort, int discoveryPort, String faults, Path config,
            boolean scratchStore, List<String> overrides, Map<String, String> env) {
    }

    /** A person of the demo: how to log in as them, and their API token. */
    public record Person(String user, String role, String site, String password, String token) {
    }

    private final SimulatorRunner simulator;
    private final WardnetServer server;
    private final DemoData scratch;
    private final District district;
    private final DemoData.InstallerRoom room;
    private final String adminUser;
    private final String adminPassword;
    private final List<DemoUsers.Made> made;
    private final Path certificate;
    private final int probeSeconds;
    private final DemoEdgeFeed edgeFeed;

    private DemoRun(SimulatorRunner simulator, WardnetServer server, DemoData scratch, DemoData.InstallerRoom room,
            String adminUser, String adminPassword, List<DemoUsers.Made> made, Path certificate, int probeSeconds,
            DemoEdgeFeed edgeFeed) {
        this.simulator = simulator;
        this.server = server;
        this.scratch = scratch;
        this.district = room.district();
        this.room = room;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.made = made;
        this.certificate = certificate;
        this.probeSeconds = probeSeconds;
        this.edgeFeed = edgeFeed;
    }

    /** Starts the simulator and the server and loads the demo's data, reporting progress on {@code out}. */
    public static DemoRun start(Options options, PrintStream out) throws IOException, ConfigException,
            InterruptedException {
        DemoData scratch = options.scratchStore() ? DemoData.scratch() : null;
        String adminPassword = DemoUsers.randomPassword();
        List<String> overrides = new ArrayList<>(List.of(
                "health.intervalSeconds=15", // the demo's health changes show within seconds
                "server.tlsSelfSigned=true",
                "auth.adminPassword=" + adminPassword,
                "onvif.discoveryPort=" + options.discoveryPort()));
        if (scratch != null) {
            overrides.add("store.dataDir=" + scratch.directory());
        }
        overrides.addAll(options.overrides());
        DemoData.InstallerRoom room = DemoData.installerRoom(DistrictGenerator.reference()
                .withRtspPort(options.simPort()));
        SimulatorRunner sim = SimulatorRunner.start(room.district(), options.simPort(), FaultPlan.parse(
                options.faults() == null ? DemoData.FAULTS : options.faults()), options.adminPort(),
                options.discoveryPort());
        out.println("simulator: " + sim.district().cameras().size() + " cameras on 127.1.x.y port "
                + options.simPort() + ", faults " + sim.faults() + ", admin " + sim.adminUrl());
        WardnetServer server;
        WardnetConfig config;
        try {
            config = ConfigLoader.load(options.config(), options.env(), overrides);
            server = WardnetServer.start(config);
        } catch (ConfigException | RuntimeException e) {
            sim.close();
            if (scratch != null) {
                scratch.delete();
            }
            throw e;
        }
        out.println("store: " + server.storeDescription());
        DemoData.load(server.registry(), room.district(), room.cameraIds(), out);
        DemoData.planRecording(server.recording(), server.registry(), out);
        DemoEdgeFeed edgeFeed = DemoTrack.prepare(server, room.district(),
                Path.of(config.get(WardnetKeys.STORE_DATA_DIR), "demo-footage"), out);
        String adminUser = config.get(WardnetKeys.AUTH_ADMIN_USER);
        // The configuration decides: a password given with --set or the environment overrides the demo's random one.
        adminPassword = config.get(WardnetKeys.AUTH_ADMIN_PASSWORD);
        List<DemoUsers.Made> people = DemoUsers.create(server, adminUser);
        Path certificate = server.baseUrl().startsWith("https:")
                ? Path.of(config.get(WardnetKeys.STORE_DATA_DIR), "tls", "cert.pem").toAbsolutePath() : null;
        return new DemoRun(sim, server, scratch, room, adminUser, adminPassword, people, certificate,
                config.get(WardnetKeys.HEALTH_INTERVAL_SECONDS), edgeFeed);
    }

    public WardnetServer server() {
        return server;
    }

    public SimulatorRunner simulator() {
        return simulator;
    }

    public District district() {
        return district;
    }

    /** The server's certificate (PEM), or null over plain HTTP. */
    public Path certificate() {
        return certificate;
    }

    public String adminUser() {
        return adminUser;
    }

    /** The administrator's password, random for this start (valid only when this start made the store). */
    public String adminPassword() {
        return adminPassword;
    }

    /** The operator, installer, investigator and viewer of the first two substations, and the administrator. */
    public List<Person> people() {
        return made.stream().map(m -> new Person(m.name(), m.grant().role().wireName(), m.grant().siteId(),
                m.password() != null ? m.password() : m.name().equals(adminUser) ? adminPassword : null, m.token()))
                .toList();
    }

    /** The room whose cameras run but are not registered, for the installer. */
    public String installerRoom() {
        return room.siteId();
    }

    /** The address range of the installer's room's cameras ("first-last"). */
    public String installerRange() {
        return room.firstHost() + "-" + room.lastHost();
    }

    /** The device password of the installer's room's cameras. */
    public String installerPassword() {
        return DemoData.INSTALLER_PASSWORD;
    }

    /** Prints the console's address, the logins and the API tour. */
    public void printTour(String firstCamera, String secondCamera, PrintStream out) {
        DemoUsers.printAccess(server.baseUrl(), certificate, adminUser, adminPassword, made, firstCamera, secondCamera,
                out);
        DemoData.printTour(server.baseUrl(), simulator.adminUrl(), district.cameras().get(0).id(), room, probeSeconds,
                out);
        DemoTrack.printTour(server.baseUrl(), district.cameras().get(30).id(), out);
        printLive(out);
    }

    /** The live view's URLs: the relay's RTSP stream of a camera, its ticket, the relay's state, a wall. */
    private void printLive(PrintStream out) {
        if (server.live() == null) {
            return;
        }
        String base = server.baseUrl();
        String host = java.net.URI.create(base).getHost();
        String camera = district.cameras().get(0).id();
        String wall = String.join(",", district.cameras().subList(0, 4).stream().map(c -> c.id()).toList());
        out.println("Live (each camera pulled once, shared by every viewer and the recorder):");
        out.println("  ffplay -rtsp_transport tcp \"rtsp://admin:$WARDNET_TOKEN@" + host + ":" + server.live().rtspPort()
                + "/live/" + camera + "\"   # any user name; the password is an API token");
        out.println("  wcurl -X POST " + base + "/api/v1/cameras/" + camera + "/live   # a ticket URL for players"
                + " that take no password");
        out.println("  wcurl " + base + "/api/v1/live                            # streams pulled, sessions, drops");
        out.println("  open " + base + "/#/wall/" + wall + "   # a video wall in the console");
    }

    @Override
    public void close() {
        edgeFeed.close();
        server.close();
        simulator.close();
        if (scratch != null) {
            scratch.delete();
        }
    }
}
