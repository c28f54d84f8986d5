package org.wardnet.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The investigator's flow, click by click: the map holds exactly the cameras of the user's
 * substation; a camera plays at a moment (time advances, the frame is a picture, not black); follow
 * draws candidates; a candidate plays in one click; "seen here" three times makes a route, which is
 * confirmed and exported as a ZIP. A viewer gets no footage controls at all.
 */
class InvestigatorConsoleTest extends ConsoleTestBase {

    @Test
    void theMapHoldsTheCamerasOfTheUsersSubstationOnly() {
        Page page = loginAs(person("investigator", "sub-01"), "#/investigate");
        Locator map = page.locator("#map[data-ready=true]");
        map.waitFor();
        int inScope = demo.server().registry().queries().cameraIdsInSubtree("sub-01").size();
        assertEquals(String.valueOf(inScope), map.getAttribute("data-cameras"));
        assertTrue(inScope < demo.server().registry().queries().cameraCount(), "sub-01 is part of the district");
        String elsewhere = demo.server().registry().queries().cameraIdsInSubtree("sub-02").get(0);
        page.getByLabel("Find camera").fill(elsewhere);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find").setExact(true)).click();
        assertTrue(page.locator("form[aria-label='Find a camera'] .field-error").textContent().contains("no camera"),
                "another substation's camera is not on the map");
        screenshot(page, "investigator-map");
    }

    @Test
    void playsFollowsAndExportsACaseAcrossThreeCameras() throws IOException {
        Page page = loginAs(person("investigator", "sub-01"), "#/investigate");
        page.locator("#map[data-ready=true]").waitFor();
        List<String> cameras = demo.server().registry().queries().cameraIdsInSubtree("sub-01");
        String start = cameras.get(cameras.size() / 2);
        page.getByLabel("Find camera").fill(start);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find").setExact(true)).click();
        assertEquals(start, page.locator(".selected").getAttribute("data-camera"));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Play at the moment")).click();
        assertPlaying(page);
        screenshot(page, "investigator-playing");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Seen here: add this camera at the moment"))
                .click();
        page.locator(".route li").first().waitFor();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Follow from " + start)).click();
        Locator candidates = page.locator(".candidate");
        candidates.first().waitFor();
        assertEquals(start, page.locator(".candidates").getAttribute("data-from"));
        assertTrue(page.locator(".leaflet-tooltip.rank-label").count() > 0, "candidates are drawn on the map");
        screenshot(page, "investigator-follow");

        Locator first = candidates.first();
        String second = first.getAttribute("data-camera");
        first.locator("button", new Locator.LocatorOptions().setHasText("Play")).click();
        assertPlaying(page);
        // the investigator scrubs the timeline to where the subject shows, the candidate's expected
        // arrival, which may lie in the next clip (Play starts at the window's opening, in its first clip)
        String expected = first.getAttribute("data-expected");
        page.evaluate("expected => { const s = document.getElementById('moment-scrub');"
                + " const from = new Date(document.querySelector('.player-box').dataset.from);"
                + " s.value = String(Math.round((new Date(expected) - from) / 1000));"
                + " s.dispatchEvent(new Event('change')); }", expected);
        // the clip covering the moment plays from there before the subject is marked seen
        waitUntil(page, "expected => { const v = document.querySelector('video.player');"
                + " const target = (new Date(expected) - new Date(v.dataset.clipStart)) / 1000;"
                + " return document.querySelector('.player-box').dataset.state === 'playing' && !v.seeking"
                + " && Math.abs(v.currentTime - target) < 2; }", expected);
        first.locator("button", new Locator.LocatorOptions().setHasText("Seen here")).click();
        waitUntil(page, "id => document.querySelector('.candidates').dataset.from === id", second);
        Locator next = page.locator(".candidate").first();
        String third = next.getAttribute("data-camera");
        next.locator("button", new Locator.LocatorOptions().setHasText("Seen here")).click();
        waitUntil(page, "n => document.querySelectorAll('.route li').length === n", 3);
        assertEquals(List.of(start, second, third), page.locator(".route li").all().stream()
                .map(li -> li.getAttribute("data-camera")).toList());
        assertEquals(2, page.locator(".legs li").count(), "two legs between three sightings");
        assertEquals(0, page.locator(".legs li .flag").count(), "sightings taken where the subject was expected"
                + " make a possible route: " + page.locator(".legs").textContent());

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm the route")).click();
        page.locator(".case-body[data-state=CONFIRMED]").waitFor();
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Export evidence (ZIP)")).click());
        Path zip = download.path();
        List<String> entries = entries(zip);
        assertTrue(entries.contains("case.json") && entries.contains("manifest.json") && entries.contains("audit.json"),
                "the evidence bundle holds the case, its audit entries and a manifest: " + entries);
        assertTrue(entries.stream().anyMatch(name -> name.endsWith(".mp4")), "and the footage: " + entries);
        screenshot(page, "investigator-case");
    }

    @Test
    void anAreaDrawnOnTheMapAndACorridorThroughClickedWaypoints() {
        Page page = loginAs(person("investigator", "sub-01"), "#/investigate");
        page.locator("#map[data-ready=true]").waitFor();
        List<String> cameras = demo.server().registry().queries().cameraIdsInSubtree("sub-01");
        page.getByLabel("Find camera").fill(cameras.get(cameras.size() / 3));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find").setExact(true)).click();
        com.microsoft.playwright.options.BoundingBox box = page.locator("#map").boundingBox();
        double x = box.x + box.width / 2;
        double y = box.y + box.height / 2;

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Draw an area")).click();
        for (double[] corner : new double[][] {{-200, -200}, {200, -200}, {200, 200}, {-200, 200}}) {
            page.mouse().click(x + corner[0], y + corner[1]);
        }
        assertEquals("4", page.locator(".areas").getAttribute("data-points"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finish")).click();
        page.locator(".area-result[data-kind=area]").waitFor();
        String note = page.locator(".areas [role=status]").textContent();
        assertTrue(note.matches("\\d+ of \\d+ cameras in the area have footage.*") && !note.startsWith("0 "), note);
        assertTrue(page.locator(".area-result li").count() > 0);
        screenshot(page, "investigator-area");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Draw a corridor")).click();
        page.mouse().click(x - 250, y);
        page.mouse().click(x + 250, y);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finish")).click();
        page.locator(".area-result[data-kind=corridor]").waitFor();
        String along = page.locator(".areas [role=status]").textContent();
        assertTrue(along.matches("\\d+ cameras along \\d+ m of route.*") && !along.startsWith("0 "), along);
    }

    @Test
    void aViewerGetsNoFootageControls() {
        Page page = loginAs(person("viewer", "sub-01"), "");
        page.locator(".ops .tree [role=treeitem]").first().waitFor();
        assertEquals(List.of("Health", "Live"), page.locator("#nav a").allTextContents(),
                "a viewer watches live (the live permission) but has no footage section");
        page.navigate(base() + "/#/investigate");
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not available")).waitFor();
        assertEquals(0, page.locator("video").count());
        assertEquals(0, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Play at the moment")).count());
    }

    /** Time advances in the player and a sampled frame is a picture: many distinct, non-black pixels. */
    static void assertPlaying(Page page) {
        assertTimeAdvances(page);
        Object sample = page.evaluate("() => { const v = document.querySelector('video.player');"
                + " const c = document.createElement('canvas'); c.width = 160; c.height = 90;"
                + " const g = c.getContext('2d'); g.drawImage(v, 0, 0, 160, 90);"
                + " const d = g.getImageData(0, 0, 160, 90).data; let lit = 0; const colours = new Set();"
                + " for (let i = 0; i < d.length; i += 4) { if (d[i] + d[i + 1] + d[i + 2] > 60) lit++;"
                + " colours.add((d[i] >> 4) + ',' + (d[i + 1] >> 4) + ',' + (d[i + 2] >> 4)); }"
                + " return [lit, colours.size]; }");
        List<?> values = (List<?>) sample;
        int lit = ((Number) values.get(0)).intValue();
        int colours = ((Number) values.get(1)).intValue();
        assertTrue(lit > 160 * 90 / 4 && colours > 8, "the frame is a picture: " + lit + " lit pixels, " + colours
                + " colours");
    }

    /**
     * The player plays: time advances and the browser has decoded frames of the stream's size (what
     * can be told of a video from another origin, whose pixels a page may not read).
     */
    static void assertTimeAdvances(Page page) {
        page.locator(".player-box[data-state=playing]").waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.ATTACHED));
        double before = ((Number) page.evaluate("document.querySelector('video.player').currentTime")).doubleValue();
        waitUntil(page, "t => document.querySelector('video.player').currentTime > t + 0.5", before);
        List<?> decoded = (List<?>) page.evaluate("() => { const v = document.querySelector('video.player');"
                + " return [v.videoWidth, v.getVideoPlaybackQuality().totalVideoFrames]; }");
        assertTrue(((Number) decoded.get(0)).intValue() > 0 && ((Number) decoded.get(1)).intValue() > 0,
                "frames were decoded: " + decoded);
    }

    private static List<String> entries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
