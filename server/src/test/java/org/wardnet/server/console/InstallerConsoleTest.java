package org.wardnet.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The installer's flow, click by click: discover the demo's unregistered room by its address
 * range, register every new device into the room with one set of credentials, watch the bulk
 * verification to its end with failures counted by step, then read a checklist and see the
 * snapshot. A CSV import shows its failed row against that row.
 */
class InstallerConsoleTest extends ConsoleTestBase {

    @Test
    void discoversRegistersAndVerifiesARoom() {
        Page page = loginAs(person("installer", "sub-01"), "#/install");
        page.getByLabel("Address range").fill(demo.installerRange());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Discover")).click();
        Locator found = page.locator(".found [role=status]");
        found.waitFor();
        Matcher counts = Pattern.compile("(\\d+) devices found, (\\d+) new").matcher(found.textContent());
        assertTrue(counts.find(), found.textContent());
        int fresh = Integer.parseInt(counts.group(2));
        assertTrue(fresh > 0, "the demo's installer room is not registered yet");
        assertEquals(fresh, page.locator(".candidates-table input[type=checkbox]:checked").count(),
                "new devices are picked by default");

        page.getByLabel("Room").selectOption(demo.installerRoom());
        page.getByLabel("Device user").fill("admin");
        page.getByLabel("Device password").fill(demo.installerPassword());
        page.getByLabel("Latitude").fill("29.87");
        page.getByLabel("Longitude").fill("121.55");
        screenshot(page, "installer-discovered");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register and verify")).click();

        Locator progress = page.locator(".verify[data-state=DONE]");
        progress.waitFor(new Locator.WaitForOptions().setTimeout(180_000));
        assertEquals("100", page.locator(".verify progress").evaluate("p => String(p.value)"));
        assertTrue(progress.textContent().contains(fresh + " of " + fresh + " verified"), progress.textContent());
        int failedSteps = page.locator(".verify .steps li").count();
        String line = page.locator(".verify [role=status]").textContent();
        int failed = Integer.parseInt(line.replaceAll(".* (\\d+) failed.*", "$1"));
        assertEquals(failed > 0, failedSteps > 0, "failures are counted by step whenever there are any: " + line);

        Locator checklist = page.locator(".checklist-box table.checklist");
        checklist.waitFor();
        assertTrue(checklist.locator("tbody tr").count() >= 5, "each step of the check is listed");
        String passedCamera = page.locator(".camera-picks li[data-failed=false] button").first().getAttribute("data-camera");
        page.locator(".camera-picks button[data-camera='" + passedCamera + "']").click();
        page.locator(".checklist-box[data-camera='" + passedCamera + "'] img.snapshot").waitFor();
        waitUntil(page, "() => { const i = document.querySelector('.checklist-box img.snapshot');"
                + " return i.complete && i.naturalWidth > 0; }", null);
        page.locator(".checklist-box").scrollIntoViewIfNeeded();
        screenshot(page, "installer-verified");
    }

    @Test
    void aFailedImportRowIsShownAgainstItsRow() {
        Page page = loginAs(person("installer", "sub-01"), "#/install");
        String room = demo.installerRoom();
        String csv = "id,siteId,name,lat,lon,rtspUrl\n"
                + "console-import-1," + room + ",Gate 1,29.86,121.55,rtsp://127.1.250.1/main\n"
                + "console-import-2," + room + ",Gate 2,999,121.55,rtsp://127.1.250.2/main\n";
        page.getByLabel("File").setInputFiles(new FilePayload("cameras.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import").setExact(true)).click();
        Locator failedRow = page.locator(".import-errors tr[data-row='2']");
        failedRow.waitFor();
        assertTrue(page.locator(".import-result [role=status]").textContent().contains("1 created"));
        assertTrue(failedRow.textContent().contains("console-import-2,"), "the row's own line is shown");
        assertTrue(failedRow.textContent().contains("lat"), "with the column at fault: " + failedRow.textContent());
        assertEquals(1, page.locator(".import-errors tbody tr").count());
        screenshot(page, "installer-import");
    }
}
