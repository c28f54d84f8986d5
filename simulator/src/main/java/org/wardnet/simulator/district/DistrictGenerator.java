package org.wardnet.simulator.district;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.RoomKind;
import org.wardnet.core.registry.SiteDraft;

/**
 * Generates the reference district "Haishu-2014" from a seed: 1 center, 8 substations (a 4 x 2
 * grid of precincts), 300 rooms and 12,414 cameras over 6 km x 5 km (30 km²) with local streets
 * every 200 m and arterial roads every 1 km.
 *
 * <p>Cameras: 24 at arterial crossings belong to the center, 2,400 along arterials to the
 * substations (300 each), 9,990 to rooms, clustered around each room and snapped to streets more
 * often than not, with three commercial centers drawing rooms (and so cameras) together. Each
 * camera gets a GB/T 28181-style 20-digit id and ONVIF/RTSP URLs on its own loopback address
 * 127.1.x.y, where the simulator serves it.
 *
 * <p>Deterministic: {@link Random} with a fixed seed and a fixed order of draws.
 */
public final class DistrictGenerator {

    /** The seed of the reference district. */
    public static final long REFERENCE_SEED = 2014L;
    public static final int CENTER_CAMERAS = 24;
    public static final int CAMERAS_PER_SUBSTATION = 300;
    public static final int ROOMS = 300;
    public static final int ROOM_CAMERAS = 9_990;

    static final String CENTER_ID = "haishu-center";
    private static final int PRECINCT_COLUMNS = 4;
    private static final int PRECINCT_ROWS = 2;

    /** The reference district's 6 km x 5 km street grid. */
    public static final StreetGrid REFERENCE_GRID = new StreetGrid(29.840, 121.500, 6_000, 5_000, 200, 1_000);

    private final StreetGrid grid = REFERENCE_GRID;
    private final Random random;
    private final long seed;
    private final List<CameraDraft> cameras = new ArrayList<>();
    private final List<double[]> hotspots = new ArrayList<>();

    private DistrictGenerator(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** The reference district. */
    public static District reference() {
        return generate(REFERENCE_SEED);
    }

    /** The district of {@code seed}. */
    public static District generate(long seed) {
        return new DistrictGenerator(seed).build();
    }

    private District build() {
        List<SiteDraft> sites = new ArrayList<>();
        sites.add(new SiteDraft(CENTER_ID, "Haishu District Monitoring Center", "CENTER", null, null,
                "Haishu District, Ningbo"));
        for (int i = 0; i < PRECINCT_COLUMNS * PRECINCT_ROWS; i++) {
            sites.add(new SiteDraft(substationId(i), Names.SUBSTATIONS.get(i) + " Police Substation", "SUBSTATION",
                    CENTER_ID, null, null));
        }
        for (int i = 0; i < 3; i++) {
            hotspots.add(new double[] {StreetGrid.snap(800 + random.nextDouble() * 4_400, grid.arterialSpacing()),
                StreetGrid.snap(800 + random.nextDouble() * 3_400, grid.arterialSpacing())});
        }
        List<Room> rooms = rooms();
        rooms.forEach(room -> sites.add(room.site()));
        centerCameras();
        for (int i = 0; i < PRECINCT_COLUMNS * PRECINCT_ROWS; i++) {
            substationCameras(i);
        }
        roomCameras(rooms);
        return new District(seed, grid, sites, cameras);
    }

    private record Room(SiteDraft site, RoomKind kind, double x, double y, int cameras) {
    }

    private List<Room> rooms() {
        List<double[]> positions = new ArrayList<>();
        List<RoomKind> kinds = new ArrayList<>();
        double[] weights = new double[ROOMS];
        for (int i = 0; i < ROOMS; i++) {
            boolean central = random.nextDouble() < 0.35;
            double x;
            double y;
            if (central) {
                double[] hub = hotspots.get(random.nextInt(hotspots.size()));
                x = grid.clampX(hub[0] + random.nextGaussian() * 400);
                y = grid.clampY(hub[1] + random.nextGaussian() * 400);
            } else {
                x = random.nextDouble() * grid.widthMeters();
                y = random.nextDouble() * grid.heightMeters();
            }
            RoomKind kind = kind(central);
            positions.add(new double[] {x, y});
            kinds.add(kind);
            weights[i] = cameraWeight(kind) * (0.6 + 0.8 * random.nextDouble());
        }
        int[] counts = apportion(weights, ROOM_CAMERAS);
        List<Room> rooms = new ArrayList<>();
        for (int i = 0; i < ROOMS; i++) {
            double[] p = positions.get(i);
            String parent = substationId(precinctOf(p[0], p[1]));
            String id = String.format("room-%03d", i + 1);
            SiteDraft site = new SiteDraft(id, Names.room(kinds.get(i), random, i + 1), "ROOM", parent,
                    kinds.get(i).name(), null);
            rooms.add(new Room(site, kinds.get(i), p[0], p[1], counts[i]));
        }
        return rooms;
    }

    private RoomKind kind(boolean central) {
        int roll = random.nextInt(100);
        if (central) {
            return roll < 50 ? RoomKind.COMMERCIAL_DISTRICT : roll < 70 ? RoomKind.BANK
                    : roll < 85 ? RoomKind.INSTITUTION : roll < 92 ? RoomKind.HOSPITAL : RoomKind.OTHER;
        }
        return roll < 50 ? RoomKind.RESIDENTIAL_ESTATE : roll < 62 ? RoomKind.SCHOOL : roll < 77 ? RoomKind.INSTITUTION
                : roll < 83 ? RoomKind.BANK : roll < 89 ? RoomKind.COMMERCIAL_DISTRICT : roll < 94 ? RoomKind.HOSPITAL
                : RoomKind.OTHER;
    }

    private static double cameraWeight(RoomKind kind) {
        return switch (kind) {
            case RESIDENTIAL_ESTATE -> 36;
            case COMMERCIAL_DISTRICT -> 55;
            case BANK -> 18;
            case SCHOOL -> 25;
            case HOSPITAL -> 45;
            case INSTITUTION -> 22;
            case OTHER -> 12;
        };
    }

    /** Splits {@code total} in proportion to {@code weights}, exactly, by largest remainder. */
    static int[] apportion(double[] weights, int total) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] counts = new int[weights.length];
        double[] remainders = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = weights[i] / sum * total;
            counts[i] = (int) Math.floor(exact);
            remainders[i] = exact - counts[i];
            given += counts[i];
        }
        while (given < total) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainders[best] = -1;
            given++;
        }
        return counts;
    }

    private void centerCameras() {
        List<double[]> crossings = new ArrayList<>();
        for (double x = grid.arterialSpacing(); x < grid.widthMeters(); x += grid.arterialSpacing()) {
            for (double y = grid.arterialSpacing(); y < grid.heightMeters(); y += grid.arterialSpacing()) {
                crossings.add(new double[] {x, y});
            }
        }
        for (int i = 0; i < CENTER_CAMERAS; i++) {
            double[] c = crossings.get(i % crossings.size());
            double heading = (i / crossings.size()) * 180 + 45 * random.nextInt(2);
            addCamera(CENTER_ID, "Crossing " + (int) c[0] + "E/" + (int) c[1] + "N dome " + (i / crossings.size() + 1),
                    c[0] + random.nextGaussian() * 8, c[1] + random.nextGaussian() * 8, heading, "pole, 8 m");
        }
    }

    private void substationCameras(int precinct) {
        double w = grid.widthMeters() / PRECINCT_COLUMNS;
        double h = grid.heightMeters() / PRECINCT_ROWS;
        double x0 = (precinct % PRECINCT_COLUMNS) * w;
        double y0 = (precinct / PRECINCT_COLUMNS) * h;
        for (int i = 0; i < CAMERAS_PER_SUBSTATION; i++) {
            boolean alongNorthSouth = random.nextBoolean();
            double x;
            double y;
            if (random.nextDouble() < 0.5) {
                x = StreetGrid.snap(x0 + random.nextDouble() * w, grid.arterialSpacing()) + random.nextGaussian() * 15;
                y = StreetGrid.snap(y0 + random.nextDouble() * h, grid.arterialSpacing()) + random.nextGaussian() * 15;
            } else if (alongNorthSouth) {
                x = StreetGrid.snap(x0 + random.nextDouble() * w, grid.arterialSpacing()) + random.nextGaussian() * 5;
                y = y0 + random.nextDouble() * h;
            } else {
                x = x0 + random.nextDouble() * w;
                y = StreetGrid.snap(y0 + random.nextDouble() * h, grid.arterialSpacing()) + random.nextGaussian() * 5;
            }
            double heading = (alongNorthSouth ? 0 : 90) + (random.nextBoolean() ? 180 : 0) + random.nextGaussian() * 10;
            addCamera(substationId(precinct), Names.SUBSTATIONS.get(precinct) + " road camera " + (i + 1),
                    grid.clampX(x), grid.clampY(y), heading, "pole, 6 m");
        }
    }

    private void roomCameras(List<Room> rooms) {
        for (Room room : rooms) {
            double spread = room.kind() == RoomKind.COMMERCIAL_DISTRICT ? 120 : 60;
            for (int i = 0; i < room.cameras(); i++) {
                double x = room.x() + random.nextGaussian() * spread;
                double y = room.y() + random.nextGaussian() * spread;
                if (random.nextDouble() < 0.6) { // most cameras watch a street or an entrance on one
                    if (random.nextBoolean()) {
                        x = StreetGrid.snap(x, grid.streetSpacing()) + random.nextGaussian() * 8;
                    } else {
                        y = StreetGrid.snap(y, grid.streetSpacing()) + random.nextGaussian() * 8;
                    }
                }
                String mounting = random.nextDouble() < 0.3 ? "ceiling, indoor" : "wall, 3 m";
                addCamera(room.site().id(), room.site().name() + " camera " + (i + 1), grid.clampX(x), grid.clampY(y),
                        random.nextDouble() * 360, mounting);
            }
        }
    }

    private void addCamera(String siteId, String name, double x, double y, double heading, String mounting) {
        int index = cameras.size();
        String host = "127.1." + (index / 250) + "." + (index % 250 + 1);
        CameraCatalog.Make make = CameraCatalog.pick(random);
        String model = make.models().get(random.nextInt(make.models().size()));
        String password = password();
        double normalized = ((heading % 360) + 360) % 360;
        cameras.add(new CameraDraft(cameraId(index), siteId, name,
                new CameraDraft.Location(round(grid.lat(y), 7), round(grid.lon(x), 7)), round(normalized, 1) % 360,
                mounting, make.vendor(), model,
                new CameraDraft.Onvif("http://" + host + "/onvif/device_service", "admin", password),
                new CameraDraft.Rtsp("rtsp://" + host + ":554" + make.mainPath(), "rtsp://" + host + ":554"
                        + make.subPath(), "admin", password)));
    }

    /** GB/T 28181 layout: district 330203, grassroots 00, industry 00, type 132 (IP camera), net 0, serial. */
    static String cameraId(int index) {
        return String.format("330203%02d%02d%03d%d%06d", 0, 0, 132, 0, index + 1);
    }

    static String substationId(int precinct) {
        return String.format("sub-%02d", precinct + 1);
    }

    private int precinctOf(double x, double y) {
        int column = Math.min(PRECINCT_COLUMNS - 1, (int) (x / (grid.widthMeters() / PRECINCT_COLUMNS)));
        int row = Math.min(PRECINCT_ROWS - 1, (int) (y / (grid.heightMeters() / PRECINCT_ROWS)));
        return row * PRECINCT_COLUMNS + column;
    }

    private String password() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder out = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
