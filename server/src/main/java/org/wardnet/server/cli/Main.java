package org.wardnet.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.wardnet.config.ConfigException;
import org.wardnet.config.ConfigLoader;
import org.wardnet.config.DefaultConfigFile;
import org.wardnet.config.WardnetConfig;
import org.wardnet.core.registry.ListQuery;
import org.wardnet.core.registry.Site;
import org.wardnet.core.registry.Tier;
import org.wardnet.server.ServerStartException;
import org.wardnet.server.WardnetServer;
import org.wardnet.simulator.camera.FaultPlan;
import org.wardnet.simulator.district.District;
import org.wardnet.simulator.district.DistrictFiles;
import org.wardnet.simulator.district.DistrictGenerator;
import org.wardnet.simulator.district.SyntheticCameras;
import org.wardnet.simulator.run.SimulatorRunner;
import org.wardnet.storage.StoreOpenException;
import org.wardnet.storage.stores.ScratchPostgres;
import org.wardnet.storage.registry.KeyRotation;

/**
 * {@code wardnet}: runs the server ({@code serve}), the demo ({@code demo}), or writes files
 * ({@code district}, {@code config-defaults}). Exit status: 0 done, 1 failed to run, 2 bad usage
 * or configuration.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        if (args.length > 0 && args[0].equals("install")) {
            return InstallCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err, env);
        }
        if (args.length > 0 && args[0].equals("audit")) {
            try {
                return AuditCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err, env);
            } catch (IllegalArgumentException e) {
                err.println("wardnet: " + e.getMessage());
                return 2;
            } catch (Exception e) {
                err.println("wardnet: " + e.getMessage());
                return 1;
            }
        }
        if (args.length > 0 && args[0].equals("store")) {
            return StoreCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err, env);
        }
        if (args.length > 0 && args[0].equals("import-clips")) {
            return ImportClipsCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err, env);
        }
        CommandLine line;
        try {
            line = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("wardnet: " + e.getMessage());
            err.println(CommandLine.USAGE);
            return 2;
        }
        try {
            return switch (line.command()) {
                case "config-defaults" -> {
                    out.print(DefaultConfigFile.render());
                    yield 0;
                }
                case "district" -> district(line, out);
                case "sim" -> simulate(line, out);
                case "serve", "demo", "demo-tiers" -> serve(line, out, env);
                case "rotate-key" -> {
                    KeyRotation.Outcome rotated = KeyRotation.rotate(
                            ConfigLoader.load(line.config(), env, line.overrides()));
                    out.println("re-sealed the passwords of " + rotated.cameras() + " cameras with key "
                            + rotated.keyId() + "; the old key is gone (back up the new key file with the database)");
                    yield 0;
                }
                default -> {
                    out.println(CommandLine.USAGE);
                    yield 0;
                }
            };
        } catch (ConfigException e) {
            err.println("wardnet: " + e.getMessage());
            return 2;
        } catch (StoreOpenException | ServerStartException e) {
            err.println("wardnet: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("wardnet: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) { // a fault plan that cannot be read
            err.println("wardnet: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static int district(CommandLine line, PrintStream out) throws IOException {
        if (line.camerasOut() == null && line.sitesOut() == null && line.streetsOut() == null) {
            throw new IOException("district needs --cameras FILE, --sites FILE and/or --streets FILE");
        }
        District district = DistrictGenerator.generate(line.seed());
        if (line.camerasOut() != null) {
            DistrictFiles.writeCamerasCsv(district, line.camerasOut());
            out.println("wrote " + district.cameras().size() + " cameras to " + line.camerasOut());
        }
        if (line.sitesOut() != null) {
            DistrictFiles.writeSitesNdjson(district, line.sitesOut());
            out.println("wrote " + district.sites().size() + " sites to " + line.sitesOut());
        }
        if (line.streetsOut() != null) {
            DistrictFiles.writeStreetsGeoJson(district, line.streetsOut());
            out.println("wrote " + district.grid().segments().size() + " street segments to " + line.streetsOut());
        }
        return 0;
    }

    /** The default RTSP port of simulated cameras: the standard one when allowed to bind it. */
    static int simPort(CommandLine line) {
        if (line.simPort() != null) {
            return line.simPort();
        }
        return "root".equals(System.getProperty("user.name")) ? 554 : 8554;
    }

    private static int simulate(CommandLine line, PrintStream out) throws IOException, InterruptedException {
        District district = line.synthetic() > 0
                ? SyntheticCameras.district(line.offset(), line.synthetic(), simPort(line))
                : DistrictGenerator.generate(line.seed());
        SimulatorRunner sim = SimulatorRunner.start(district, simPort(line),
                FaultPlan.parse(line.faults() == null ? "" : line.faults()), line.adminPort(), line.discoveryPort());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "wardnet-sim-shutdown"));
        out.println("simulating " + sim.district().cameras().size() + " cameras of seed " + line.seed()
                + " on 127.1.x.y port " + simPort(line) + "; faults: " + sim.faults());
        out.println("admin on " + sim.adminUrl());
        out.println("ONVIF on http://" + sim.district().cameras().get(0).host() + ":" + simPort(line)
                + "/onvif/device_service (each camera); WS-Discovery on UDP " + line.discoveryPort());
        out.println("listening on rtsp://" + sim.district().cameras().get(0).host() + ":" + simPort(line));
        out.flush();
        stopped.await();
        return 0;
    }

    /** The first camera of the {@code index}th substation, for the tour's scoping example. */
    /** The id of the {@code index}th substation (in id order). */
    private static String substation(WardnetServer server, int index) {
        return server.registry().queries().sites(new ListQuery(null, index + 1, null, null), Tier.SUBSTATION).items()
                .get(index).id();
    }

    private static String firstCamera(WardnetServer server, int index) {
        List<Site> substations = server.registry().queries().sites(
                new ListQuery(null, 2, null, null), Tier.SUBSTATION)
                .items();
        if (substations.size() <= index) {
            return null;
        }
        List<String> ids = server.registry().queries().cameraIdsInSubtree(substations.get(index).id());
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static int serve(CommandLine line, PrintStream out, Map<String, String> env)
            throws ConfigException, InterruptedException, IOException {
        if (line.command().equals("demo") || line.command().equals("demo-tiers")) {
            return demo(line, out, env);
        }
        WardnetConfig config = ConfigLoader.load(line.config(), env, line.overrides());
        WardnetServer server = WardnetServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "wardnet-shutdown"));
        out.println("store: " + server.storeDescription());
        out.println("listening on " + server.baseUrl());
        if (server.live() != null) {
            out.println("live RTSP on rtsp://" + server.address().getAddress().getHostAddress() + ":"
                    + server.live().rtspPort() + "/live/{cameraId}");
        }
        out.flush();
        stopped.await();
        return 0;
    }

    private static int demo(CommandLine line, PrintStream out, Map<String, String> env)
            throws ConfigException, InterruptedException, IOException {
        ScratchPostgres postgres = line.store().equals("postgresql") ? ScratchPostgres.start() : null;
        List<String> overrides = new ArrayList<>();
        if (postgres != null) {
            try {
                overrides.add("store.jdbcUrl=" + postgres.newDatabase());
            } catch (java.sql.SQLException e) {
                closeQuietly(postgres);
                throw new IOException("cannot make the demo's database: " + e.getMessage(), e);
            }
            overrides.add("store.username=" + ScratchPostgres.USER);
            out.println("scratch PostgreSQL for the demo: " + postgres.url("") + " (deleted at exit)");
        }
        overrides.addAll(line.overrides());
        DemoRun demo;
        try {
            demo = DemoRun.start(new DemoRun.Options(simPort(line), line.adminPort(), line.discoveryPort(),
                    line.faults(), line.config(), !line.dataGiven(), overrides, env), out);
        } catch (IOException | ConfigException | RuntimeException e) {
            closeQuietly(postgres);
            throw e;
        }
        DemoTiers tiers = null;
        if (line.command().equals("demo-tiers")) {
            try {
                tiers = DemoTiers.start(demo, List.of(substation(demo.server(), 1), substation(demo.server(), 2)), out);
            } catch (IOException | RuntimeException e) {
                demo.close();
                closeQuietly(postgres);
                throw e;
            }
        }
        DemoTiers nodes = tiers;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (nodes != null) {
                nodes.close(); // before the center, so none of them pushes into a closed server
            }
            demo.close();
            closeQuietly(postgres); // after the server: its store goes last
            stopped.countDown();
        }, "wardnet-shutdown"));
        out.println("listening on " + demo.server().baseUrl());
        out.println();
        out.println("Console: " + demo.server().baseUrl() + "/" + (demo.certificate() == null ? ""
                : "  (the demo's certificate is self-signed: accept it in the browser, or trust " + demo.certificate() + ")"));
        demo.printTour(firstCamera(demo.server(), 0), firstCamera(demo.server(), 1), out);
        if (nodes != null) {
            nodes.printTour(demo, out);
        }
        out.println("Stop with Ctrl-C.");
        out.flush();
        stopped.await();
        return 0;
    }

    private static void closeQuietly(ScratchPostgres postgres) {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException | InterruptedException e) {
            System.err.println("wardnet: cannot stop the demo's PostgreSQL: " + e.getMessage());
        }
    }
}
