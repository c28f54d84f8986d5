package org.wardnet.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Footage the server does not hold: a clip indexed by its edge recorder's URL plays in the page
 * straight from the recorder (whose origin console.mediaOrigins names), and an H.265 clip is not
 * offered to the browser, which cannot decode it: the page says why instead of a black box.
 */
class EdgeFootageConsoleTest extends ConsoleTestBase {

    @Test
    void edgeFootagePlaysFromItsRecorderAndH265SaysWhyNot() throws Exception {
        List<String> cameras = demo.server().registry().queries().cameraIdsInSubtree("sub-01");
        String edgeCamera = cameras.get(7);
        String hevcCamera = cameras.get(8);
        // before the demo's six hours of footage, so these are the only clips at that moment
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(8, ChronoUnit.HOURS);
        String origin = ConsoleDistrict.get().edge.origin();
        index(edgeCamera, start, origin + "/record/" + edgeCamera + "/1.mp4", "H264");
        index(hevcCamera, start, origin + "/record/" + hevcCamera + "/1.mp4", "H265");

        Page page = loginAs(person("investigator", "sub-01"), "#/investigate/" + edgeCamera);
        page.locator(".selected[data-camera='" + edgeCamera + "']").waitFor();
        page.getByLabel("Moment (local time)").fill(start.plusSeconds(10).toString().substring(0, 19));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Play at the moment")).click();
        InvestigatorConsoleTest.assertTimeAdvances(page);
        assertTrue(((String) page.evaluate("() => document.querySelector('video.player').currentSrc"))
                .startsWith(origin + "/record/"), "played from the edge recorder");
        screenshot(page, "investigator-edge");

        page.getByLabel("Find camera").fill(hevcCamera);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find").setExact(true)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Play at the moment")).click();
        page.locator(".player-box[data-state=unplayable]").waitFor();
        assertTrue(page.locator(".player-caption").textContent().contains("H.265"));
        assertEquals(null, page.locator("video.player").getAttribute("src"), "nothing was handed to the decoder");
    }

    private void index(String camera, Instant start, String url, String codec) throws Exception {
        HttpResponse<String> made = api("POST", "/api/v1/clips", adminToken(), "{\"cameraId\":\"" + camera
                + "\",\"start\":\"" + start + "\",\"end\":\"" + start.plusSeconds(30) + "\",\"mediaUrl\":\"" + url
                + "\",\"codec\":\"" + codec + "\",\"width\":640,\"height\":360}");
        assertEquals(201, made.statusCode(), made.body());
    }
}
