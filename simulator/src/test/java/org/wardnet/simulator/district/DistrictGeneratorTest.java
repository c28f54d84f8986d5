package org.wardnet.simulator.district;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.SiteDraft;

class DistrictGeneratorTest {

    private final District district = DistrictGenerator.reference();

    @Test
    void hasTheReferenceShape() {
        Map<String, Integer> tiers = new HashMap<>();
        district.sites().forEach(site -> tiers.merge(site.tier(), 1, Integer::sum));
        assertEquals(Map.of("CENTER", 1, "SUBSTATION", 8, "ROOM", 300), tiers);
        assertEquals(12_414, district.cameras().size());
    }

    @Test
    void sameSeedSameDistrictOtherSeedOtherDistrict() {
        assertEquals(DistrictFiles.camerasCsv(district), DistrictFiles.camerasCsv(DistrictGenerator.reference()));
        assertEquals(district.sites(), DistrictGenerator.reference().sites());
        assertNotEquals(DistrictFiles.camerasCsv(district), DistrictFiles.camerasCsv(DistrictGenerator.generate(7)));
    }

    @Test
    void everyCameraIsValidUniqueAndBelongsToAGeneratedSite() {
        Set<String> siteIds = new HashSet<>();
        for (SiteDraft site : district.sites()) {
            assertTrue(site.validate(Instant.EPOCH, Instant.EPOCH).isValid(), site.toString());
            siteIds.add(site.id());
        }
        Set<String> ids = new HashSet<>();
        Set<String> hosts = new HashSet<>();
        for (CameraDraft camera : district.cameras()) {
            assertTrue(camera.validate(null, Instant.EPOCH).isValid(),
                    () -> camera.id() + ": " + camera.validate(null, Instant.EPOCH).errors());
            assertTrue(ids.add(camera.id()), "duplicate id " + camera.id());
            assertEquals(20, camera.id().length());
            assertTrue(siteIds.contains(camera.siteId()));
            assertTrue(hosts.add(java.net.URI.create(camera.onvif().url()).getHost()), "shared address");
            assertTrue(camera.rtsp().url().startsWith("rtsp://127.1."), camera.rtsp().url());
        }
    }

    @Test
    void camerasLieInsideTheThirtySquareKilometres() {
        StreetGrid grid = district.grid();
        assertEquals(30e6, grid.widthMeters() * grid.heightMeters(), 1);
        for (CameraDraft camera : district.cameras()) {
            assertTrue(camera.location().lat() >= grid.lat(0) - 1e-6 && camera.location().lat() <= grid.lat(5_000) + 1e-6);
            assertTrue(camera.location().lon() >= grid.lon(0) - 1e-6 && camera.location().lon() <= grid.lon(6_000) + 1e-6);
        }
    }

    @Test
    void camerasCrowdAlongStreets() {
        StreetGrid grid = district.grid();
        int nearStreet = 0;
        for (CameraDraft camera : district.cameras()) {
            double north = (camera.location().lat() - grid.originLat()) * 111_320.0;
            double east = (camera.location().lon() - grid.originLon()) * 111_320.0 * Math.cos(Math.toRadians(grid.originLat()));
            double dx = Math.abs(east - StreetGrid.snap(east, 200));
            double dy = Math.abs(north - StreetGrid.snap(north, 200));
            if (Math.min(dx, dy) < 20) {
                nearStreet++;
            }
        }
        // Uniformly scattered points would lie within 20 m of a street 36 % of the time.
        assertTrue(nearStreet > 0.6 * district.cameras().size(), "near a street: " + nearStreet);
    }

    @Test
    void apportionIsExact() {
        assertEquals(10, java.util.Arrays.stream(DistrictGenerator.apportion(new double[] {1, 1, 1}, 10)).sum());
    }
}
