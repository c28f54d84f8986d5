package org.wardnet.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.SiteDraft;
import org.wardnet.simulator.district.District;

/**
 * The faults of the soak, repeated every ten minutes, each undone a few minutes later:
 * <ul>
 * <li>minute 1: a room's link cut (its cameras refuse connections), restored at minute 4 — a
 * different room each cycle;</li>
 * <li>minute 2: 25 healthy cameras start flapping, steady again at minute 7;</li>
 * <li>minute 5: two recorded cameras' recording plans deleted (their recorders stop), put back at
 * minute 6 (new recorders start);</li>
 * <li>minute 8: a recorded camera goes down (its recorder loses the stream and reconnects), back
 * at minute 9.</li>
 * </ul>
 * Faults go through the simulator's admin endpoint, plans through the server's API as its
 * administrator. Every action is logged with its minute; a refused action fails the soak.
 */
final class FaultSchedule {

    /** One action taken: when, and what. */
    record Action(int minute, String what) {
    }

    private static final int FLAPPING_CAMERAS = 25;

    private final SoakApi server;
    private final SoakApi simulator;
    private final ObjectMapper json = new ObjectMapper();
    private final Random random = new Random(20);
    private final List<String> rooms;
    private final Map<String, List<String>> camerasBySite = new LinkedHashMap<>();
    private final List<String> allCameras = new ArrayList<>();
    private final List<Action> actions = new ArrayList<>();
    private final Map<String, String> cutRoomFaults = new LinkedHashMap<>();
    private final List<String> flapping = new ArrayList<>();
    private final List<String> recorded = new ArrayList<>();
    private List<String> stoppedPlans = List.of();
    private String downRecorded;

    /**
     * @param spared rooms never cut: the recorded room (its recorders are restarted on their own
     *               schedule) and the installer's, whose cameras are not registered
     */
    FaultSchedule(SoakApi server, SoakApi simulator, District district, List<String> spared) {
        this.server = server;
        this.simulator = simulator;
        for (CameraDraft camera : district.cameras()) {
            camerasBySite.computeIfAbsent(camera.siteId(), k -> new ArrayList<>()).add(camera.id());
            allCameras.add(camera.id());
        }
        this.rooms = district.sites().stream().filter(s -> "ROOM".equals(s.tier())).map(SiteDraft::id)
                .filter(id -> !spared.contains(id) && camerasBySite.containsKey(id)).toList();
    }

    List<Action> actions() {
        return actions;
    }

    /** Takes this minute's actions, if any. */
    void at(int minute) throws IOException {
        int cycle = minute / 10;
        switch (minute % 10) {
            case 1 -> cutRoom(minute, rooms.get((cycle * 37) % rooms.size()));
            case 2 -> startFlapping(minute);
            case 4 -> restoreRoom(minute);
            case 5 -> stopPlans(minute, cycle);
            case 6 -> restorePlans(minute);
            case 7 -> stopFlapping(minute);
            case 8 -> downRecorded(minute, cycle);
            case 9 -> upRecorded(minute);
            default -> {
            }
        }
    }

    private void cutRoom(int minute, String room) throws IOException {
        cutRoomFaults.clear();
        for (String id : camerasBySite.get(room)) {
            cutRoomFaults.put(id, faultOf(id));
        }
        expect(simulator.put("/sites/" + room + "/fault?fault=REFUSING", ""), "cut " + room);
        actions.add(new Action(minute, "room " + room + " cut (" + cutRoomFaults.size() + " cameras)"));
    }

    private void restoreRoom(int minute) throws IOException {
        for (Map.Entry<String, String> camera : cutRoomFaults.entrySet()) {
            expect(simulator.put("/cameras/" + camera.getKey() + "/fault?fault=" + camera.getValue(), ""), "restore");
        }
        actions.add(new Action(minute, "cut room restored (" + cutRoomFaults.size() + " cameras)"));
        cutRoomFaults.clear();
    }

    private void startFlapping(int minute) throws IOException {
        flapping.clear();
        while (flapping.size() < FLAPPING_CAMERAS) {
            String id = allCameras.get(random.nextInt(allCameras.size()));
            if (!flapping.contains(id) && !cutRoomFaults.containsKey(id) && faultOf(id).equals("NONE")) {
                expect(simulator.put("/cameras/" + id + "/fault?fault=FLAPPING", ""), "flap " + id);
                flapping.add(id);
            }
        }
        actions.add(new Action(minute, flapping.size() + " cameras flapping"));
    }

    private void stopFlapping(int minute) throws IOException {
        for (String id : flapping) {
            expect(simulator.put("/cameras/" + id + "/fault?fault=NONE", ""), "steady " + id);
        }
        actions.add(new Action(minute, flapping.size() + " cameras steady again"));
        flapping.clear();
    }

    private void stopPlans(int minute, int cycle) throws IOException {
        List<String> ids = recordedCameras();
        stoppedPlans = List.of(ids.get((2 * cycle) % ids.size()), ids.get((2 * cycle + 1) % ids.size()));
        for (String id : stoppedPlans) {
            expect(server.delete("/api/v1/recording/plans/" + id), "delete plan " + id);
        }
        actions.add(new Action(minute, "recording stopped: " + stoppedPlans));
    }

    private void restorePlans(int minute) throws IOException {
        for (String id : stoppedPlans) {
            expect(server.put("/api/v1/recording/plans/" + id, "{\"mode\":\"CONTINUOUS\",\"windows\":[]}"),
                    "put plan " + id);
        }
        actions.add(new Action(minute, "recording restarted: " + stoppedPlans));
    }

    private void downRecorded(int minute, int cycle) throws IOException {
        List<String> ids = recordedCameras();
        String id = ids.get((cycle + 3) % ids.size());
        String fault = faultOf(id);
        if (!fault.equals("NONE")) {
            actions.add(new Action(minute, "recorded camera " + id + " left alone: it has its own fault " + fault));
            downRecorded = null;
            return;
        }
        expect(simulator.put("/cameras/" + id + "/fault?fault=DOWN", ""), "down " + id);
        downRecorded = id;
        actions.add(new Action(minute, "recorded camera " + id + " down"));
    }

    private void upRecorded(int minute) throws IOException {
        if (downRecorded != null) {
            expect(simulator.put("/cameras/" + downRecorded + "/fault?fault=NONE", ""), "up " + downRecorded);
            actions.add(new Action(minute, "recorded camera " + downRecorded + " up again"));
            downRecorded = null;
        }
    }

    /** The cameras with a recording plan, read once (the schedule puts back what it deletes). */
    private List<String> recordedCameras() throws IOException {
        if (recorded.isEmpty()) {
            SoakApi.Answer plans = expect(server.get("/api/v1/recording/plans"), "list plans");
            for (JsonNode plan : json.readTree(plans.body()).path("items")) {
                recorded.add(plan.path("subjectId").asText());
            }
            if (recorded.size() < 2) {
                throw new IOException("the demo records fewer than two cameras: " + plans.body());
            }
        }
        return recorded;
    }

    private String faultOf(String camera) throws IOException {
        SoakApi.Answer answer = expect(simulator.get("/cameras/" + camera), "read " + camera);
        return json.readTree(answer.body()).path("fault").asText();
    }

    private static SoakApi.Answer expect(SoakApi.Answer answer, String what) throws IOException {
        if (!answer.ok()) {
            throw new IOException(what + ": " + answer.status() + " " + answer.body());
        }
        return answer;
    }
}
