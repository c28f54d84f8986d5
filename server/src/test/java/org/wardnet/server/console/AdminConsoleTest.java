package org.wardnet.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Administration, click by click: a bad user name gets the server's reason next to the field; a
 * double click sends one request; a new user's one-time password and a new token's secret are
 * shown once; grants are edited in place; the audit trail pages forward.
 */
class AdminConsoleTest extends ConsoleTestBase {

    @Test
    void usersTokensAndTheAuditTrail() throws Exception {
        String camera = demo.server().registry().queries().cameraIdsInSubtree("sub-01").get(0);
        for (int i = 0; i < 30; i++) { // audited reads, so that the trail has more than a page
            api("GET", "/api/v1/clips?camera=" + camera + "&from=2026-01-01T00:00:00Z&to=2026-01-01T01:00:00Z",
                    adminToken(), null);
        }
        Page page = loginAs(demo.adminUser(), demo.adminPassword(), "#/admin");
        Locator newUser = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("New user"));
        newUser.waitFor();
        AtomicInteger posts = new AtomicInteger();
        page.onRequest(request -> {
            if (request.method().equals("POST") && request.url().endsWith("/api/v1/users")) {
                posts.incrementAndGet();
            }
        });

        newUser.getByLabel("Name").fill("no spaces allowed");
        newUser.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create user")).click();
        page.locator("[name=name][aria-invalid=true]").waitFor();
        assertTrue(page.locator("[name=name] ~ .field-error").textContent().contains("letters, digits"),
                "the server's reason next to the field");
        assertEquals(1, posts.get());

        String name = "analyst-" + System.nanoTime() % 100000;
        newUser.getByLabel("Name").fill(name);
        newUser.getByLabel("Role").selectOption("investigator");
        newUser.getByLabel("On site").fill("sub-02");
        newUser.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create user")).dblclick();
        Locator once = newUser.locator(".secret code.once");
        once.waitFor();
        assertTrue(once.textContent().length() >= 12, "a generated one-time password is shown");
        assertEquals(2, posts.get(), "the double click sent one request");
        Locator row = page.locator(".users-table tr[data-user='" + name + "']");
        row.waitFor();
        assertEquals("investigator@sub-02", row.locator("input[name=grants]").inputValue());

        row.locator("input[name=grants]").fill("investigator@sub-02, viewer@sub-01");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        waitUntil(page, "n => document.querySelector(`.users-table tr[data-user='${n}'] input`).value"
                + " === 'investigator@sub-02, viewer@sub-01'", name);

        page.getByLabel("What will use it").fill("nightly export");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make token")).click();
        Locator secret = page.locator(".tokens .secret code.once");
        secret.waitFor();
        assertTrue(secret.textContent().startsWith("wn_"), "the token's secret, shown once");
        // the list is read again after the secret is shown: wait for the new row, not the first paint
        page.locator(".tokens tbody tr").filter(new Locator.FilterOptions().setHasText("nightly export")).first()
                .waitFor();

        Locator audit = page.locator(".audit-table tbody tr");
        audit.first().waitFor();
        String firstSeq = audit.first().getAttribute("data-seq");
        assertEquals("1", firstSeq, "the trail starts at its first entry");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next page")).click();
        waitUntil(page, "s => document.querySelector('.audit-table tbody tr')?.dataset.seq !== s", firstSeq);
        assertEquals(26, Integer.parseInt(audit.first().getAttribute("data-seq")), "the next page goes on");
        screenshot(page, "admin");
    }
}
