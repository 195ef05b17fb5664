package dk.hotline.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static org.awaitility.Awaitility.await;

/**
 * Benchmark, not a test: the advisor console as an advisor feels it, in the real browser (headless Chromium), with
 * the three services packaged and run as in production and the real Keycloak sign-in.
 * <ul>
 *   <li><b>Screen-pop</b>: from the moment {@link AmiPeer} writes a call's recorded AMI events (through to the
 *   advisor's phone connecting) to the packaged telephony adapter, until the call's form is in the advisor's page
 *   and the browser's next frame has run: adapter → core → SSE → htmx → form. Open loop: calls are sent on a fixed
 *   schedule whether or not the previous one has popped up.</li>
 *   <li><b>Page load</b> of the console ({@code /konsol}, signed in): navigation start to the load event, as the
 *   browser's Navigation Timing reports it. One browser loads one page at a time, so this part is closed loop.</li>
 * </ul>
 * The machine's load average is printed beside the figures. See docs/BENCHMARKS.md for the command.
 */
public final class ConsoleBenchmark {

    private ConsoleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(ServiceEnvironment.get("HOTLINE_BENCH_CALLS", "40"));
        long intervalMs = Long.parseLong(ServiceEnvironment.get("HOTLINE_BENCH_INTERVAL_MS", "2000"));
        int loads = Integer.parseInt(ServiceEnvironment.get("HOTLINE_BENCH_LOADS", "60"));
        Databases.fresh("hotline_core_consolebench", "hotline_routing_consolebench");
        Map<String, Map<String, String>> env = ServiceEnvironment.of(Repo.ROOT, "hotline_core_consolebench", "hotline_routing_consolebench");
        Map<String, String> adapter = env.get("telephony-adapter");
        Path logs = Path.of("target", "bench-console");
        try (AmiPeer asterisk = new AmiPeer(adapter.getOrDefault("HOTLINE_AMI_USERNAME", "hotline"), adapter.get("HOTLINE_AMI_SECRET"))) {
            adapter.put("HOTLINE_AMI_HOST", "127.0.0.1");
            adapter.put("HOTLINE_AMI_PORT", Integer.toString(asterisk.port()));
            try (ServiceProcess core = ServiceProcess.start(Repo.ROOT, "hotline-core", env.get("hotline-core"), logs);
                 ServiceProcess routing = ServiceProcess.start(Repo.ROOT, "routing", env.get("routing"), logs);
                 ServiceProcess telephony = ServiceProcess.start(Repo.ROOT, "telephony-adapter", adapter, logs)) {
                core.awaitReady();
                routing.awaitReady();
                telephony.awaitReady();
                await("the adapter logged in to the AMI peer").atMost(Duration.ofMinutes(1)).until(asterisk::adapterLoggedIn);
                try (Browser browser = Browser.open()) {
                    browser.go(core.uri("/konsol").toString());
                    browser.signInAtKeycloak("advisor-aarhus", "advisor-aarhus");
                    awaitLive(browser);
                    String started = Instant.now().toString();
                    double[] loadBefore = loadAverage();
                    warmUp(browser, asterisk, 5);
                    Popped pops = popUps(browser, asterisk, calls, intervalMs);
                    double[] loadAfterPops = loadAverage();
                    pageLoads(browser, core, 10);                           // warm-up
                    List<Long> pages = pageLoads(browser, core, loads);
                    double[] loadAfter = loadAverage();
                    System.out.printf(Locale.ROOT, "%nConsole benchmark, %s – %s, %d cores%n%n", started, Instant.now(),
                            Runtime.getRuntime().availableProcessors());
                    System.out.println("| What | n | p50 ms | p95 ms | p99 ms | max ms | load average (1/5/15 min) before → after |");
                    System.out.println("|---|---|---|---|---|---|---|");
                    row(String.format(Locale.ROOT, "Screen-pop: AMI connect → form in the page (open loop, 1 call / %d ms; "
                            + "%d of %d superseded by the next call before they showed)", intervalMs, pops.superseded(), calls),
                            pops.millis(), pops.millis().size(), loadBefore, loadAfterPops);
                    row("Console page load: navigation start → load event (closed loop)", pages, loads, loadAfterPops, loadAfter);
                }
            }
        }
    }

    /**
     * One call at a time, each awaited: the whole path is live (core's Kafka consumer may join its partition well
     * after core says it is ready on a busy machine) and JIT, pools and caches are warm before the open loop.
     */
    private static void warmUp(Browser browser, AmiPeer asterisk, int n) {
        observe(browser);
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        long suffix = System.currentTimeMillis() % 1_000_000_000L + 500_000_000L;
        for (int i = 0; i < n; i++) {
            int seen = i;
            asterisk.callConnects(suffix + i, false, "45204" + String.format("%05d", (suffix + i) % 100_000));
            await("warm-up pop-up " + (i + 1)).atMost(Duration.ofMinutes(3)).ignoreExceptions()
                    .until(() -> ((Number) js.executeScript("return window.benchPops.length;")).intValue() > seen);
        }
    }

    /** Notes, in the page, the wall-clock time of each new form in the workspace (after its next animation frame). */
    private static void observe(Browser browser) {
        ((JavascriptExecutor) browser.driver()).executeScript("""
                window.benchPops = [];
                if (!window.benchObserver) {
                  window.benchObserver = new MutationObserver(() => {
                    const f = document.getElementById('log-form');
                    if (f && !f.dataset.benchSeen) {
                      f.dataset.benchSeen = 'true';
                      requestAnimationFrame(() => window.benchPops.push([f.dataset.contact, Date.now()]));
                    }
                  });
                  window.benchObserver.observe(document.getElementById('workspace'), {childList: true, subtree: true});
                }""");
    }

    /**
     * Sends {@code n} calls on a fixed schedule and answers, for each call whose form reached the page, the
     * milliseconds from its AMI events to its form. Each form names its contact; core's database says which call
     * opened it. A call that connects while the previous one is still loading replaces it on the advisor's screen
     * (one phone, one call): such a superseded call is counted, not timed.
     */
    private static Popped popUps(Browser browser, AmiPeer asterisk, int n, long intervalMs) throws Exception {
        observe(browser);
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        Map<String, Long> sent = new java.util.HashMap<>();
        long base = System.nanoTime();
        long suffix = System.currentTimeMillis() % 1_000_000_000L;
        for (int i = 0; i < n; i++) {
            LockSupport.parkNanos(base + i * intervalMs * 1_000_000 - System.nanoTime());
            sent.put(AmiPeer.callId(suffix + i), System.currentTimeMillis());
            asterisk.callConnects(suffix + i, false, "45203" + String.format("%05d", (suffix + i) % 100_000));
        }
        try {
            await("every call popped up").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> ((Number) js.executeScript("return window.benchPops.length;")).intValue() >= n);
        } catch (org.awaitility.core.ConditionTimeoutException superseded) {
            // some calls were replaced by the next one before their form arrived: counted below
        }
        @SuppressWarnings("unchecked")
        List<List<Object>> shown = (List<List<Object>>) js.executeScript("return window.benchPops;");
        Map<String, String> callOf = new java.util.HashMap<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:"
                + ServiceEnvironment.pgPort() + "/hotline_core_consolebench", "postgres", "");
             java.sql.ResultSet r = c.createStatement().executeQuery("select id::text, call_id from contact where call_id is not null")) {
            while (r.next()) {
                callOf.put(r.getString(1), r.getString(2));
            }
        }
        List<Long> millis = new ArrayList<>();
        for (List<Object> pop : shown) {
            Long at = sent.get(callOf.get(String.valueOf(pop.get(0))));
            if (at != null) {
                millis.add(((Number) pop.get(1)).longValue() - at);
            }
        }
        return new Popped(millis, n - millis.size());
    }

    private record Popped(List<Long> millis, int superseded) {
    }

    private static List<Long> pageLoads(Browser browser, ServiceProcess core, int n) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            browser.go(core.uri("/konsol").toString());
            browser.waitFor(By.id("waiting"));
            millis.add(await("the load event").atMost(Duration.ofSeconds(30)).until(() -> ((Number) js.executeScript(
                    "const n = performance.getEntriesByType('navigation')[0];"
                            + " return n && n.loadEventEnd > 0 ? Math.round(n.loadEventEnd - n.startTime) : -1;")).longValue(),
                    ms -> ms >= 0));
        }
        return millis;
    }

    private static void awaitLive(Browser browser) {
        await("the live feed is open").atMost(Duration.ofSeconds(60)).until(() ->
                "true".equals(browser.driver().findElement(By.tagName("body")).getAttribute("data-live")));
    }

    private static void row(String what, List<Long> millis, int n, double[] before, double[] after) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.2f/%.2f/%.2f → %.2f/%.2f/%.2f |%n", what, n,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.get(sorted.size() - 1),
                before[0], before[1], before[2], after[0], after[1], after[2]);
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double[] loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
    }
}
