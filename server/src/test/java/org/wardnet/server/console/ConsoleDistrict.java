package org.wardnet.server.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.wardnet.server.cli.DemoRun;
import org.wardnet.simulator.run.FreePorts;

/**
 * What the console's end-to-end tests run against, started once for all of them: the demo itself
 * (the reference district of 12,414 simulated cameras, a server over a scratch H2 store with its
 * data and people, HTTPS) and Debian's Chromium driven by Playwright, which is told never to
 * download a browser. Health rounds run every 10 s and a camera counts as offline after two
 * failures and 15 s, so alarms show within a test's patience; recording is off (the demo's
 * footage is indexed files). An edge recorder of the test's own serves footage on another origin,
 * which the server's console.mediaOrigins names.
 */
public final class ConsoleDistrict implements BeforeAllCallback {

    /** Debian's Chromium, installed by server/src/test/peers/install-browser-peers.sh. */
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    /** The demo and the browser, for the whole test run. */
    public static final class Running implements ExtensionContext.Store.CloseableResource {
        final DemoRun demo;
        final EdgeRecorder edge;
        final Playwright playwright;
        final Browser browser;
        final String log;

        Running(DemoRun demo, EdgeRecorder edge, Playwright playwright, Browser browser, String log) {
            this.demo = demo;
            this.edge = edge;
            this.playwright = playwright;
            this.browser = browser;
            this.log = log;
        }

        @Override
        public void close() {
            browser.close();
            playwright.close();
            demo.close();
            edge.close();
        }
    }

    private static volatile Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
    }

    /** The running demo and browser (after the extension ran). */
    static Running get() {
        return running;
    }

    /** Removes the edge recorder's work directory, which it leaves empty (it serves from memory). */
    private static void removeEmpty(Path work) {
        try {
            Files.deleteIfExists(work);
        } catch (java.io.IOException e) { // a start that failed half-way: its files stay for a look, its error stands
            System.err.println("left " + work + ": " + e);
        }
    }

    private static Running start() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DemoRun demo;
        EdgeRecorder edge;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            Path work = Files.createTempDirectory("wardnet-edge-");
            try {
                edge = EdgeRecorder.start(work);
            } finally {
                removeEmpty(work);
            }
            demo = DemoRun.start(new DemoRun.Options(FreePorts.tcp(), 0, FreePorts.udp(), null, null, true, List.of(
                    "server.port=0", "live.rtspPort=0", "server.httpRedirectPort=-1", "health.intervalSeconds=10",
                    "health.offlineAfterFailures=2", "health.offlineAfterSeconds=15", "recording.enabled=false",
                    "auth.passwordIterations=10000", "console.mediaOrigins=" + edge.origin()), Map.of()), out);
        } catch (Exception e) {
            throw new IllegalStateException("the demo did not start: " + e.getMessage() + "\n" + printed, e);
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true)
                // as root Chromium needs --no-sandbox; the rest keep it off this machine's closed network
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
        return new Running(demo, edge, playwright, browser, printed.toString(StandardCharsets.UTF_8));
    }
}
