package org.wardnet.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardnet.server.TestServer;
import org.wardnet.server.cli.DemoRun;

/**
 * A console test: a fresh browser context (no storage shared with other tests) on the shared demo,
 * helpers to log in as one of the demo's people and to keep screenshots under
 * {@code target/console-screenshots/}. After each test, the page must have logged no script error
 * and no Content-Security-Policy violation (the policy forbids inline script and style, so a
 * violation is a defect of the console).
 */
@ExtendWith(ConsoleDistrict.class)
abstract class ConsoleTestBase {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    DemoRun demo;
    Browser browser;
    BrowserContext context;
    final List<String> problems = new ArrayList<>();

    @BeforeEach
    void openContext() {
        demo = ConsoleDistrict.get().demo;
        browser = ConsoleDistrict.get().browser;
        context = newContext();
    }

    BrowserContext newContext() {
        BrowserContext made = browser.newContext(new Browser.NewContextOptions().setIgnoreHTTPSErrors(true)
                .setViewportSize(1400, 900).setAcceptDownloads(true).setLocale("en-GB").setTimezoneId("UTC"));
        made.setDefaultTimeout(30_000);
        made.onPage(page -> {
            page.onPageError(error -> problems.add("script error: " + error));
            page.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy")) {
                    problems.add("policy violation: " + message.text());
                }
            });
        });
        return made;
    }

    @AfterEach
    void closeContext() {
        context.close();
        assertEquals(List.of(), problems, "the page logged errors");
    }

    /** Calls the API from the test (not the browser), trusting the demo's certificate. */
    HttpResponse<String> api(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return HttpClient.newBuilder().sslContext(TestServer.trusting(demo.certificate())).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The demo administrator's API token. */
    String adminToken() {
        return demo.people().stream().filter(p -> p.user().equals(demo.adminUser())).findFirst().orElseThrow().token();
    }

    String base() {
        return demo.server().baseUrl();
    }

    DemoRun.Person person(String role, String site) {
        return demo.people().stream().filter(p -> p.role().equals(role) && p.site().equals(site)).findFirst()
                .orElseThrow(() -> new AssertionError("the demo has no " + role + " of " + site));
    }

    /** Opens the console at {@code fragment} and logs in; answers once the shell shows. */
    Page loginAs(String user, String password, String fragment) {
        Page page = context.newPage();
        page.navigate(base() + "/" + fragment);
        fillLogin(page, user, password);
        page.locator("#shell").waitFor();
        return page;
    }

    static void fillLogin(Page page, String user, String password) {
        page.getByLabel("User").fill(user);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    }

    Page loginAs(DemoRun.Person person, String fragment) {
        return loginAs(person.user(), person.password(), fragment);
    }

    /**
     * Waits until {@code predicate} (a JavaScript function of {@code arg}) is true in the page, for
     * up to 30 s. Playwright's own waitForFunction evaluates strings inside the page, which the
     * console's policy (no 'unsafe-eval') rightly refuses; page.evaluate is not subject to it.
     */
    static void waitUntil(Page page, String predicate, Object arg) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Boolean.TRUE.equals(page.evaluate(predicate, arg))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still false after 30 s: " + predicate + " (" + arg + ")");
            }
            page.waitForTimeout(100);
        }
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(false));
    }
}
