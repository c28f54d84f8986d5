package org.wardnet.server.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed command line: a subcommand and its options. Options shared by {@code serve} and
 * {@code demo}: {@code --port PORT}, {@code --data DIR}, {@code --config FILE} and repeated
 * {@code --set KEY=VALUE}; {@code district} takes {@code --seed N}, {@code --cameras FILE} and
 * {@code --sites FILE}.
 *
 * @param command   the subcommand
 * @param config    the configuration file, or null
 * @param overrides KEY=VALUE overrides in the order given, {@code --port} and {@code --data} last
 * @param dataGiven whether {@code --data} was given
 * @param seed      the district seed
 * @param camerasOut where {@code district} writes the cameras CSV, or null
 * @param sitesOut  where {@code district} writes the sites NDJSON, or null
 * @param streetsOut where {@code district} writes the street grid as GeoJSON, or null
 * @param simPort   RTSP port of the simulated cameras, or null for the default (554 as root, else 8554)
 * @param faults    the simulated cameras' fault plan, or null for the command's default
 * @param adminPort the simulator's admin port (0: any free one)
 * @param synthetic {@code sim}: serve this many numbered scale cameras instead of the district (0: the district)
 * @param offset    {@code sim}: the first numbered camera served
 * @param discoveryPort demo and sim: UDP port the simulated cameras answer WS-Discovery on (0: none)
 * @param store     demo: {@code h2} (the default) or {@code postgresql} (a scratch PostgreSQL for the run)
 */
record CommandLine(String command, Path config, List<String> overrides, boolean dataGiven, long seed,
        Path camerasOut, Path sitesOut, Path streetsOut, Integer simPort, String faults, int adminPort, int synthetic, int offset,
        int discoveryPort, String store) {

    static final String USAGE = String.join("\n",
            "usage: wardnet COMMAND [OPTIONS]",
            "",
            "commands:",
            "  serve            run the server (on the documented defaults unless --config or --set say otherwise)",
            "  demo             run the server on a scratch H2 store loaded with the Haishu-2014 district",
            "  demo-tiers       the demo as tier nodes: the center, two substation nodes and a room node, each its"
                    + " own process and store",
            "  sim              run the reference district's simulated RTSP cameras (one address each, 127.1.x.y)",
            "  district         write the reference district: --cameras FILE (CSV), --sites FILE (NDJSON), --streets FILE"
                    + " (GeoJSON, for PUT /api/v1/track/streets)",
            "  install          discover, register and verify cameras through a running server (install --help)",
            "  import-clips     index a folder of recordings through a running server (import-clips --help)",
            "  audit verify     check every hash and link of the audit trail (server stopped; --data like serve)",
            "  store copy       copy an H2 store into an empty PostgreSQL database, resumably (store copy --help)",
            "  rotate-key       replace the key that seals camera passwords and re-seal them (server stopped;"
                    + " takes --data, --config and --set like serve)",
            "  config-defaults  print the documented default configuration",
            "  help             print this text",
            "",
            "options of serve and demo (and demo-tiers):",
            "  --port PORT        listen on PORT (0 picks a free port)",
            "  --data DIR         keep the store under DIR",
            "  --config FILE      read configuration from FILE (YAML)",
            "  --set KEY=VALUE    override one configuration key; repeatable",
            "option of demo and demo-tiers' center:",
            "  --store STORE      h2 (default: a scratch H2 file) or postgresql (a scratch PostgreSQL cluster from",
            "                     Debian's package, made with initdb and deleted at exit)",
            "options of demo and sim:",
            "  --sim-port PORT    RTSP port of the simulated cameras (default 554 as root, else 8554)",
            "  --faults PLAN      faults by percent of cameras, e.g. slow=30,flapping=2,down=1 (sim: none;",
            "                     demo: slow=5,down=1,wrong_credentials=1,stalled_media=1,flapping=1)",
            "  --admin-port PORT  the simulator's admin endpoint, for injecting faults (default: any free port)",
            "  --discovery-port P UDP port the simulated cameras answer WS-Discovery on (default 3702)",
            "  --synthetic N      sim: serve N numbered cameras on 127.2.x.y (path /stream, admin/pw) instead",
            "  --offset K         sim: ... starting at camera K, so several processes can share a large run",
            "options of district and sim:",
            "  --seed N           generate from seed N (default 2014, the reference district)",
            "",
            "Environment variables WARDNET_<SECTION>_<KEY> override the file; --set overrides both.");

    /** Parses {@code args}; throws {@link IllegalArgumentException} with a message for the user. */
    static CommandLine parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("no command given");
        }
        String command = args[0];
        if (!List.of("serve", "demo", "demo-tiers", "sim", "district", "rotate-key", "config-defaults", "help", "--help",
                "-h")
                .contains(command)) {
            throw new IllegalArgumentException("unknown command '" + command + "'");
        }
        Path config = null;
        List<String> overrides = new ArrayList<>();
        List<String> last = new ArrayList<>();
        boolean dataGiven = false;
        long seed = 2014L;
        Path cameras = null;
        Path sites = null;
        Path streets = null;
        Integer simPort = null;
        String faults = null;
        int adminPort = 0;
        int discoveryPort = 3702;
        int synthetic = 0;
        int offset = 0;
        String store = "h2";
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            i++;
            switch (option) {
                case "--port" -> last.add("server.port=" + value);
                case "--data" -> {
                    last.add("store.dataDir=" + value);
                    dataGiven = true;
                }
                case "--config" -> config = Path.of(value);
                case "--set" -> overrides.add(value);
                case "--seed" -> seed = parseSeed(value);
                case "--cameras" -> cameras = Path.of(value);
                case "--sites" -> sites = Path.of(value);
                case "--streets" -> streets = Path.of(value);
                case "--sim-port" -> simPort = port(option, value);
                case "--faults" -> faults = value;
                case "--admin-port" -> adminPort = port(option, value);
                case "--synthetic" -> synthetic = count(option, value);
                case "--offset" -> offset = count(option, value);
                case "--discovery-port" -> discoveryPort = port(option, value);
                case "--store" -> {
                    if (!List.of("h2", "postgresql").contains(value)) {
                        throw new IllegalArgumentException("--store takes h2 or postgresql, got '" + value + "'");
                    }
                    store = value;
                }
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        overrides.addAll(last);
        return new CommandLine(command, config, List.copyOf(overrides), dataGiven, seed, cameras, sites, streets, simPort, faults,
                adminPort, synthetic, offset, discoveryPort, store);
    }

    private static int count(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(option + " needs a port from 0 to 65535, got '" + value + "'");
    }

    private static long parseSeed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed needs a whole number, got '" + value + "'");
        }
    }
}
