package org.wardnet.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Logging in, click by click: a generated first password must be changed before anything else
 * (the server's problem with a weak one is shown next to the field); a forged token lands on the
 * login page; a session that ends while the user works opens the login dialog over the page, and
 * what was typed survives and the interrupted action completes; logging out forgets the token.
 */
class LoginConsoleTest extends ConsoleTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aGeneratedFirstPasswordMustBeChangedFirst() throws Exception {
        String name = "fresh-" + System.nanoTime();
        HttpResponse<String> made = api("POST", "/api/v1/users", adminToken(),
                "{\"name\":\"" + name + "\",\"grants\":[{\"role\":\"viewer\",\"site\":\"sub-01\"}]}");
        assertEquals(201, made.statusCode(), made.body());
        String generated = JSON.readTree(made.body()).get("oneTimePassword").asText();

        Page page = context.newPage();
        page.navigate(base() + "/");
        fillLogin(page, name, generated);
        Locator change = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Choose your password"));
        change.waitFor();
        assertTrue(page.locator("#shell").isHidden(), "nothing else is shown before the change");
        screenshot(page, "login-password-change");

        change.getByLabel("New password", new Locator.GetByLabelOptions().setExact(true)).fill("short");
        change.getByLabel("Repeat the new password").fill("different");
        change.getByRole(AriaRole.BUTTON).click();
        assertEquals("the two passwords differ", page.locator("[name=repeat] ~ .field-error").textContent());

        change.getByLabel("Repeat the new password").fill("short");
        change.getByRole(AriaRole.BUTTON).click();
        Locator fresh = change.getByLabel("New password", new Locator.GetByLabelOptions().setExact(true));
        page.locator("[name=newPassword][aria-invalid=true]").waitFor();
        String reason = page.locator("[name=newPassword] ~ .field-error").textContent();
        assertTrue(reason.contains("12"), "the server's rule, next to the field: " + reason);

        fresh.fill("a-password-of-my-own");
        change.getByLabel("Repeat the new password").fill("a-password-of-my-own");
        change.getByRole(AriaRole.BUTTON).click();
        page.locator("#shell").waitFor();
        page.locator(".ops .tree [role=treeitem]").first().waitFor();
    }

    @Test
    void aForgedTokenLandsOnTheLoginPage() {
        Page page = context.newPage();
        page.navigate(base() + "/");
        page.evaluate("() => sessionStorage.setItem('wardnet.session', JSON.stringify({ token: 'wn_forged0000',"
                + " user: 'admin', grants: [{ role: 'admin', site: '*' }] }))");
        page.reload();
        page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Log in")).waitFor();
        assertTrue(page.locator(".login .notice").textContent().contains("session has ended"));
        assertTrue(page.locator("#shell").isHidden());
        assertEquals(null, page.evaluate("() => sessionStorage.getItem('wardnet.session')"), "the forged token is dropped");
    }

    @Test
    void anEndedSessionAsksToLogInAgainAndKeepsWhatWasTyped() throws Exception {
        Page page = loginAs(demo.adminUser(), demo.adminPassword(), "#/admin");
        Locator label = page.getByLabel("What will use it");
        label.fill("kept across a new login");
        String token = (String) page.evaluate("() => JSON.parse(sessionStorage.getItem('wardnet.session')).token");
        assertEquals(204, api("POST", "/api/v1/logout", token, null).statusCode(), "the session ends elsewhere");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make token")).click();
        Locator dialog = page.locator("dialog.login-dialog");
        dialog.waitFor();
        assertEquals("kept across a new login", label.inputValue(), "the page under the dialog keeps what was typed");
        screenshot(page, "login-session-ended");
        dialog.getByLabel("Password").fill(demo.adminPassword());
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Log in")).click();
        page.locator(".secret code.once").waitFor();
        // the list is read again after the secret shows: wait for the row, not for the first paint
        page.locator(".tokens tbody tr", new Page.LocatorOptions().setHasText("kept across a new login")).waitFor();
        assertTrue(page.locator(".tokens tbody").textContent().contains("kept across a new login"),
                "the interrupted request was sent again once logged in");
        assertEquals(0, page.locator("dialog.login-dialog").count());
    }

    @Test
    void loggingOutForgetsTheToken() {
        Page page = loginAs(person("operator", "sub-02"), "");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
        page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Log in")).waitFor();
        assertEquals(null, page.evaluate("() => sessionStorage.getItem('wardnet.session')"));
        assertTrue(page.locator("#shell").isHidden());
    }
}
