package org.wardnet.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.wardnet.server.cli.DemoRun;
import org.wardnet.simulator.camera.CameraFault;
import org.junit.jupiter.api.Test;

/**
 * Live view in Debian's Chromium, click by click: a viewer opens a camera's page and its live tile
 * plays (the video's time advances and a sampled picture is not blank), the wall plays four
 * cameras at once, each session is in the audit trail as a WebSocket session of that viewer; an
 * installer, who holds no live permission, is offered neither.
 */
class LiveConsoleTest extends ConsoleTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The spread of brightness over a 64x36 sample of the picture: a blank or black frame has almost none. */
    private static final String SPREAD = "v => { const c = document.createElement('canvas'); c.width = 64; c.height = 36;"
            + " const g = c.getContext('2d'); g.drawImage(v, 0, 0, 64, 36); const d = g.getImageData(0, 0, 64, 36).data;"
            + " let lo = 255, hi = 0; for (let i = 0; i < d.length; i += 4) { const y = (d[i] + d[i + 1] + d[i + 2]) / 3;"
            + " lo = Math.min(lo, y); hi = Math.max(hi, y); } return hi - lo; }";

    @Test
    void aViewerWatchesACameraLiveAndAWallOfFour() throws Exception {
        List<String> cameras = camerasOf("sub-01", 4);
        DemoRun.Person viewer = person("viewer", "sub-01");
        Page page = loginAs(viewer, "#/camera/" + cameras.get(0));
        Locator tile = page.locator(".live-tile[data-camera='" + cameras.get(0) + "']");
        tile.locator("xpath=self::*[@data-state='playing']").waitFor();
        Locator video = tile.locator("video");
        double first = (Double) video.evaluate("v => v.currentTime");
        page.waitForTimeout(1_500);
        double later = (Double) video.evaluate("v => v.currentTime");
        assertTrue(later > first, "the live video's time advances: " + first + " then " + later);
        double spread = ((Number) video.evaluate(SPREAD)).doubleValue();
        assertTrue(spread > 40, "a sampled picture is not blank (brightness spread " + spread + ")");
        screenshot(page, "live-camera");

        page.navigate(base() + "/#/wall/" + String.join(",", cameras));
        for (String camera : cameras) {
            page.locator(".live-wall .live-tile[data-camera='" + camera + "'][data-state='playing']").waitFor();
        }
        waitUntil(page, "() => [...document.querySelectorAll('.live-wall video')].every(v => v.currentTime > 0.5)", null);
        screenshot(page, "live-wall");
        page.close();

        JsonNode trail = JSON.readTree(api("GET", "/api/v1/audit?limit=1000", adminToken(), null).body());
        long starts = 0;
        for (JsonNode entry : trail.path("items")) {
            if (entry.path("action").asText().equals("live.start") && entry.path("actor").asText().equals(viewer.user())
                    && entry.path("target").asText().endsWith("via websocket")) {
                starts++;
            }
        }
        assertTrue(starts >= 5, "the camera page's session and the wall's four are audited: " + starts);
    }

    @Test
    void anInstallerIsOfferedNoLiveView() throws Exception {
        String camera = camerasOf("sub-01", 1).get(0);
        Page page = loginAs(person("installer", "sub-01"), "#/camera/" + camera);
        page.locator(".camera-page dl.facts").first().waitFor();
        assertEquals(0, page.locator(".live-tile").count(), "no live tile without the live permission");
        assertFalse(page.locator("#nav").textContent().contains("Live"), "no wall in the navigation");
        page.close();
    }

    /**
     * The first {@code count} cameras of the subtree that the server has seen online and that the
     * demo's fault plan left healthy: a camera with stalled media answers probes but never plays,
     * and a flapping one may stop answering while the wall opens.
     */
    private List<String> camerasOf(String site, int count) throws Exception {
        List<String> ids = demo.server().registry().queries().cameraIdsInSubtree(site);
        List<String> online = new ArrayList<>();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (online.size() < count && System.nanoTime() < deadline) {
            online.clear();
            for (String id : ids.subList(ids.size() / 3, ids.size())) {
                if (demo.simulator().district().camera(id).fault() != CameraFault.NONE) {
                    continue;
                }
                HttpResponse<String> health = api("GET", "/api/v1/cameras/" + id + "/health", adminToken(), null);
                if (JSON.readTree(health.body()).path("state").asText().equals("ONLINE")) {
                    online.add(id);
                    if (online.size() == count) {
                        break;
                    }
                }
            }
            if (online.size() < count) {
                Thread.sleep(1_000);
            }
        }
        assertEquals(count, online.size(), "online cameras of " + site);
        return online;
    }
}
