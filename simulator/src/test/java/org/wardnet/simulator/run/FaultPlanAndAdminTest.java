package org.wardnet.simulator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wardnet.simulator.district.District;
import org.wardnet.simulator.district.DistrictGenerator;
import org.wardnet.simulator.camera.CameraFault;
import org.wardnet.simulator.camera.FaultPlan;
import org.wardnet.simulator.camera.SimulatedCamera;

class FaultPlanAndAdminTest {

    private static List<SimulatedCamera> cameras(int n) {
        List<SimulatedCamera> cameras = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cameras.add(new SimulatedCamera("c" + i, "127.1.252." + (i + 1), 18556, java.util.Set.of("/s"), "admin", "pw"));
        }
        return cameras;
    }

    @Test
    void sameSeedSameFaultsAndSharesAsAsked() {
        List<SimulatedCamera> a = cameras(200);
        List<SimulatedCamera> b = cameras(200);
        Map<CameraFault, Integer> counts = FaultPlan.parse("slow=30,flapping=2,down=1").apply(a, 7);
        FaultPlan.parse("slow=30,flapping=2,down=1").apply(b, 7);
        assertEquals(Map.of(CameraFault.SLOW, 60, CameraFault.FLAPPING, 4, CameraFault.DOWN, 2), counts);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).fault(), b.get(i).fault());
            assertEquals(a.get(i).latencyMillis(), b.get(i).latencyMillis());
        }
        assertTrue(a.stream().filter(c -> c.fault() == CameraFault.SLOW)
                .allMatch(c -> c.latencyMillis() >= 1_000 && c.latencyMillis() <= 3_000));
    }

    @Test
    void badPlansAreRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("slow"));
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("sleepy=3"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("slow=80,down=30"));
        assertTrue(e.getMessage().contains("adds up to 110"), e.getMessage());
    }

    @Test
    void theAdminEndpointSetsFaultsPerCameraAndPerSite() throws Exception {
        District small = DistrictGenerator.reference();
        District two = new District(small.seed(), small.grid(), small.sites(), small.cameras().subList(0, 3));
        try (SimulatorRunner sim = SimulatorRunner.start(two, 18557, FaultPlan.parse(""), 0)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String id = two.cameras().get(0).id();
            HttpResponse<String> set = client.send(HttpRequest.newBuilder(URI.create(sim.adminUrl() + "/cameras/" + id
                    + "/fault?fault=slow&latencyMillis=2500")).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, set.statusCode(), set.body());
            assertEquals(CameraFault.SLOW, sim.district().camera(id).fault());
            assertEquals(2500, sim.district().camera(id).latencyMillis());
            String site = two.cameras().get(0).siteId();
            HttpResponse<String> cut = client.send(HttpRequest.newBuilder(URI.create(sim.adminUrl() + "/sites/" + site
                    + "/fault?fault=REFUSING")).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, cut.statusCode(), cut.body());
            assertEquals(CameraFault.REFUSING, sim.district().camera(id).fault());
            HttpResponse<String> bad = client.send(HttpRequest.newBuilder(URI.create(sim.adminUrl() + "/cameras/" + id
                    + "/fault?fault=melted")).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, bad.statusCode());
            HttpResponse<String> missing = client.send(HttpRequest.newBuilder(URI.create(sim.adminUrl()
                    + "/cameras/nope")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode());
            assertTrue(client.send(HttpRequest.newBuilder(URI.create(sim.adminUrl() + "/cameras")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().contains("\"cameras\":3"));
            String other = two.cameras().get(1).id();
            assertEquals(200, client.send(HttpRequest.newBuilder(URI.create(sim.adminUrl() + "/cameras/" + other
                    + "/fault?fault=clock_skew&skewSeconds=-7200")).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(-7200, sim.district().camera(other).clockSkewSeconds());
            assertTrue(client.send(HttpRequest.newBuilder(URI.create(sim.adminUrl() + "/onvif")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().startsWith("{\"requests\":0,"));
        }
    }
}
