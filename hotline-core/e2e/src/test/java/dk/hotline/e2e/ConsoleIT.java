package dk.hotline.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The advisor console in a real browser (docs/advice-and-referrals.md): the packaged core, routing and telephony
 * adapter against the real Keycloak login page, PostgreSQL and Kafka of the test stack; calls connect through the
 * adapter's AMI client, fed by {@link AmiPeer} with events recorded from a real Asterisk.
 */
class ConsoleIT {

    private static final Duration POP = Duration.ofSeconds(30);
    private static final AtomicLong CALLS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);
    private static final String CALLER_NUMBER = "4520000001";

    private static AmiPeer asterisk;
    private static Map<String, Map<String, String>> env;
    private static ServiceProcess core;
    private static ServiceProcess routing;
    private static ServiceProcess telephony;
    private static Realm realm;
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @BeforeAll
    static void startTheServices() {
        Assumptions.assumeTrue(Browser.available(), "no chromium and chromium-driver on this machine: browser tests skipped");
        Databases.fresh("hotline_core_console", "hotline_routing_console");
        realm = new Realm(ServiceEnvironment.keycloakUrl());
        env = ServiceEnvironment.of(Repo.ROOT, "hotline_core_console", "hotline_routing_console");
        Map<String, String> adapter = env.get("telephony-adapter");
        asterisk = new AmiPeer(adapter.getOrDefault("HOTLINE_AMI_USERNAME", "hotline"), adapter.get("HOTLINE_AMI_SECRET"));
        adapter.put("HOTLINE_AMI_HOST", "127.0.0.1");
        adapter.put("HOTLINE_AMI_PORT", Integer.toString(asterisk.port()));
        Path logs = Path.of("target", "e2e-console");
        core = ServiceProcess.start(Repo.ROOT, "hotline-core", env.get("hotline-core"), logs);
        core.awaitReady();
        routing = ServiceProcess.start(Repo.ROOT, "routing", env.get("routing"), logs);
        telephony = ServiceProcess.start(Repo.ROOT, "telephony-adapter", adapter, logs);
        routing.awaitReady();
        telephony.awaitReady();
        await("the adapter logged in to the AMI peer").atMost(Duration.ofMinutes(1)).until(asterisk::adapterLoggedIn);
    }

    @AfterAll
    static void stopTheServices() {
        for (AutoCloseable c : new AutoCloseable[] {telephony, routing, core, asterisk}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // stopping anyway
            }
        }
    }

    @Test
    void anAdvisorSignsInAtKeycloakSeesTheConsoleInDanishAndSignsOut() {
        try (Browser browser = Browser.open()) {
            browser.go(core.uri("/konsol").toString());
            // Not signed in: the real Keycloak login page, asked for a code with PKCE by the web client.
            browser.waitFor(By.id("kc-login"));
            assertThat(browser.driver().getCurrentUrl()).contains("/realms/hotline/protocol/openid-connect/auth")
                    .contains("code_challenge_method=S256").contains("client_id=hotline-web");
            browser.signInAtKeycloak("advisor-aarhus", "advisor-aarhus");

            assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Rådgiverkonsol");
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("da");
            assertThat(browser.waitFor(By.cssSelector("[data-testid=signed-in]")).getText())
                    .contains("Demo Advisor Aarhus").contains("Aarhus");
            assertThat(browser.driver().findElement(By.cssSelector("a.skipnav")).getAttribute("href")).endsWith("#main-content");
            assertThat(browser.driver().findElements(By.cssSelector("main#main-content"))).hasSize(1);
            assertThat(browser.driver().findElement(By.id("waiting")).getText()).contains("Venter på næste opkald");
            browser.assertAccessible("the advisor console");
            browser.screenshot("console");

            browser.driver().findElement(By.cssSelector("[data-testid=sign-out]")).click();
            assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Du er logget ud");
            // Signed out at Keycloak too: the console asks for the login again.
            browser.go(core.uri("/konsol").toString());
            browser.waitFor(By.id("kc-login"));
        }
    }

    @Test
    void aConnectedCallPopsUpItsDraftWhichTheAdvisorFillsInFinalisesAndRefers() throws Exception {
        try (Browser browser = signedIn()) {
            long call = CALLS.incrementAndGet();
            long connected = System.nanoTime();
            asterisk.callConnects(call, true);
            WebElement form = new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), POP)
                    .until(d -> d.findElement(By.id("log-form")));
            long popMillis = (System.nanoTime() - connected) / 1_000_000;
            System.out.println("screen-pop: AMI connect to form visible in " + popMillis + " ms");

            assertThat(text(browser, "[data-testid=line]")).isEqualTo("Den nationale linje");
            assertThat(text(browser, "[data-testid=site]")).isEqualTo("Aarhus");
            assertThat(text(browser, "[data-testid=wait]")).isEqualTo("2 sekunder");
            assertThat(text(browser, "[data-testid=routing]")).isEqualTo("Nøddrift");
            assertThat(browser.driver().getPageSource()).doesNotContain(CALLER_NUMBER);
            assertThat(browser.driver().getCurrentUrl()).contains("/konsol/henvendelser/");
            browser.assertAccessible("the screen-pop");
            browser.screenshot("screen-pop");

            // Fill in the log; autosave says when it has it.
            new Select(form.findElement(By.id("f-callerRole"))).selectByVisibleText("Pårørende");
            new Select(form.findElement(By.id("f-concernCategory"))).selectByValue("RIGHT_WING_EXTREMISM");
            new Select(form.findElement(By.id("f-ageBand"))).selectByValue("AGE_15_17");
            new Select(form.findElement(By.id("f-municipalityCode"))).selectByVisibleText("Odense");
            form.findElement(By.cssSelector("input[name=adviceThemes]")).click();
            form.findElement(By.id("f-summary")).sendKeys("Moderen er bekymret for sin søn.");
            form.findElement(By.id("f-outcome-REFERRAL")).click();
            awaitSaved(browser);

            // Finalising without severity, legal basis and description: Danish messages beside the fields, and a summary.
            browser.driver().findElement(By.cssSelector("[data-testid=finalise]")).click();
            WebElement summary = browser.waitFor(By.cssSelector("[data-testid=error-summary]"));
            assertThat(summary.getText()).contains("Der er et problem").contains("Vælg, hvor alvorlig bekymringen er")
                    .contains("Vælg hjemlen til at videregive").contains("Skriv en beskrivelse til modtageren");
            assertThat(text(browser, "#e-severity")).isEqualTo("Vælg, hvor alvorlig bekymringen er");
            assertThat(browser.driver().findElement(By.id("f-summary")).getAttribute("value")).isEqualTo("Moderen er bekymret for sin søn.");
            browser.assertAccessible("the log form with errors");
            browser.screenshot("log-form-errors");

            // Acute shows the 112 guidance; the preview of where it goes comes from routing's own resolution.
            browser.driver().findElement(By.id("f-severity-ACUTE")).click();
            assertThat(browser.waitFor(By.cssSelector("[data-testid=acute-preview]")).getText()).contains("112");
            browser.driver().findElement(By.id("f-severity-MEDIUM")).click();
            await("routing's preview").atMost(Duration.ofSeconds(15)).until(() -> browser.driver()
                    .findElements(By.cssSelector("[data-testid=preview]")).stream().anyMatch(e -> e.getText().contains("48 timer")));
            assertThat(text(browser, "[data-testid=preview]")).isEqualTo("Går til: Infohus Fyn — frist 48 timer");
            browser.screenshot("referral-preview");
            browser.driver().findElement(By.id("f-legalBasis-ANONYMOUS")).click();
            browser.driver().findElement(By.id("f-description")).sendKeys("Søn på 16 år deler højreekstremt materiale.");
            browser.driver().findElement(By.cssSelector("[data-testid=finalise]")).click();
            assertThat(browser.waitFor(By.cssSelector("[data-testid=final]")).getText()).contains("Henvendelsen er afsluttet");
            assertThat(text(browser, "[data-testid=referral]")).contains("Mellem");

            // Infohus Fyn finds it in its inbox and accepts it; the advisor's log shows what became of it.
            String fyn = realm.user("recipient-fyn");
            String referralId = await("the referral in Fyn's inbox").atMost(Duration.ofSeconds(60))
                    .until(() -> firstReferralInInbox(fyn), id -> id != null);
            assertThat(http("POST", routing, "/api/inbox/referrals/" + referralId + "/accept", fyn)).isEqualTo(200);
            await("the advisor sees it accepted").atMost(Duration.ofSeconds(60)).until(() -> {
                browser.driver().navigate().refresh();
                return browser.waitFor(By.cssSelector("[data-testid=final]")).isDisplayed()
                        && browser.driver().findElements(By.cssSelector("[data-testid=statuses] tr[data-status=ACCEPTED]")).size() == 1;
            });
            assertThat(text(browser, "[data-testid=statuses]")).contains("Accepteret").contains("Infohus Fyn");
            browser.assertAccessible("a finalised log with its referral's status");
            browser.screenshot("finalised");

            // An amendment needs a reason.
            browser.driver().findElement(By.cssSelector("[data-testid=amend]")).click();
            assertThat(browser.waitFor(By.id("e-reason")).getText()).isEqualTo("Skriv, hvorfor henvendelsen rettes");
            browser.driver().findElement(By.id("f-summary")).sendKeys(" Faderen ringede også.");
            browser.driver().findElement(By.id("f-reason")).sendKeys("Oplysning glemt under samtalen");
            browser.driver().findElement(By.cssSelector("[data-testid=amend]")).click();
            assertThat(browser.waitFor(By.cssSelector("[data-testid=amendments]")).getText()).contains("Oplysning glemt under samtalen");
            assertThat(text(browser, "[data-testid=summary]")).endsWith("Faderen ringede også.");
        }
    }

    @Test
    void aRepeatCallerShowsEarlierContactsAndTwoTabsOnOneDraftNeverOverwriteEachOther() {
        try (Browser browser = signedIn()) {
            asterisk.callConnects(CALLS.incrementAndGet(), false);
            browser.driver().findElement(By.tagName("body"));
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), POP).until(d -> d.findElement(By.id("log-form")));
            // The recorded caller called before (every test's call is from the same number).
            assertThat(text(browser, "[data-testid=earlier]")).containsPattern("\\d+ tidligere henvendelser");
            assertThat(text(browser, "[data-testid=routing]")).isEqualTo("Normal");
            String url = browser.driver().getCurrentUrl();
            String first = browser.driver().getWindowHandle();

            browser.driver().switchTo().newWindow(WindowType.TAB);
            browser.go(url);
            browser.waitFor(By.id("f-summary")).sendKeys("Skrevet i fane to.");
            awaitSaved(browser);

            browser.driver().switchTo().window(first);
            browser.driver().findElement(By.id("f-summary")).sendKeys("Skrevet i fane et.");
            WebElement stale = browser.waitFor(By.cssSelector("#save-status[data-stale=true]"));
            assertThat(stale.getText()).contains("Henvendelsen er ændret et andet sted").contains("intet er overskrevet");
            browser.screenshot("two-tabs-stale");
            browser.assertAccessible("the stale-draft message");

            // What tab two saved is still there.
            browser.driver().navigate().refresh();
            assertThat(browser.waitFor(By.id("f-summary")).getAttribute("value")).contains("Skrevet i fane to.");

            // A call without content: one click finalises it.
            browser.driver().findElement(By.cssSelector("[data-testid=contentless-NO_CONTENT_SILENT]")).click();
            assertThat(browser.waitFor(By.cssSelector("[data-testid=outcome]")).getText()).isEqualTo("Opkald uden indhold: tavst");

            // My work: today's contacts of my site, then only my drafts; never a word of free text in the list.
            browser.driver().findElement(By.cssSelector("[data-testid=nav-work]")).click();
            assertThat(browser.waitFor(By.cssSelector("[data-testid=work]")).getText()).contains("Opkald uden indhold: tavst")
                    .doesNotContain("Skrevet i fane to.");
            new Select(browser.driver().findElement(By.id("f-vis"))).selectByValue("ulogget");
            browser.driver().findElement(By.cssSelector("[data-testid=filter]")).click();
            assertThat(browser.driver().getCurrentUrl()).contains("vis=ulogget");
            browser.waitFor(By.tagName("h1"));
            new Select(browser.driver().findElement(By.id("f-vis"))).selectByValue("kladder");
            browser.driver().findElement(By.id("f-mine")).click();
            browser.driver().findElement(By.cssSelector("[data-testid=filter]")).click();
            assertThat(browser.driver().getCurrentUrl()).contains("vis=kladder").contains("mine=ja");
            assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Mit arbejde");
            browser.assertAccessible("my work");
            browser.screenshot("my-work");
        }
    }

    @Test
    void theFormIsUsableWithTheKeyboardAlone() {
        try (Browser browser = signedIn()) {
            asterisk.callConnects(CALLS.incrementAndGet(), false);
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), POP).until(d -> d.findElement(By.id("log-form")));
            // Focus moves to the popped-up call; every field is reached with Tab, choices made with the arrow keys.
            tabTo(browser, "f-callerRole").sendKeys(Keys.ARROW_DOWN);
            assertThat(browser.driver().findElement(By.id("f-callerRole")).getAttribute("value")).isNotEmpty();
            tabTo(browser, "f-summary").sendKeys("Kun med tastaturet.");
            awaitSaved(browser);
            tabTo(browser, "f-outcome-ADVICE_ONLY").sendKeys(Keys.SPACE);
            assertThat(browser.driver().findElement(By.id("f-outcome-ADVICE_ONLY")).isSelected()).isTrue();
        }
    }

    private static WebElement tabTo(Browser browser, String id) {
        for (int i = 0; i < 80; i++) {
            WebElement active = browser.driver().switchTo().activeElement();
            if (id.equals(active.getAttribute("id"))) {
                return active;
            }
            active.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    @Test
    void textTypedWhileCoreIsDownStaysInThePageSurvivesAReloadAndIsSavedWhenCoreIsBack() {
        try (Browser browser = signedIn()) {
            asterisk.callConnects(CALLS.incrementAndGet(), false);
            WebElement summary = new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), POP)
                    .until(d -> d.findElement(By.id("f-summary")));
            String draftUrl = browser.driver().getCurrentUrl();
            String contact = draftUrl.substring(draftUrl.lastIndexOf('/') + 1);
            summary.sendKeys("Første del.");
            awaitSaved(browser);

            core.close();
            summary.sendKeys(" Skrevet mens serveren var væk.");
            await("the page says it is not saved").atMost(Duration.ofSeconds(20)).until(() ->
                    browser.driver().findElement(By.id("save-status")).getText().startsWith("Ikke gemt endnu"));
            browser.screenshot("offline-kept");
            // Kept in the browser, encrypted: the stored copy does not hold the words.
            String stored = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return localStorage.getItem('hotline-kladde-' + arguments[0]);", contact);
            assertThat(stored).isNotNull().doesNotContain("Skrevet").doesNotContain("Første");

            // The advisor closes the tab while the server is away, and comes back to the draft once it is up again.
            String original = browser.driver().getWindowHandle();
            browser.driver().switchTo().newWindow(WindowType.TAB);
            String other = browser.driver().getWindowHandle();
            browser.driver().switchTo().window(original).close();
            browser.driver().switchTo().window(other);
            core = ServiceProcess.start(Repo.ROOT, "hotline-core", env.get("hotline-core"), Path.of("target", "e2e-console"));
            core.awaitReady();
            browser.go(draftUrl);
            await("the local copy restored into the form").atMost(Duration.ofSeconds(20)).until(() ->
                    browser.driver().findElement(By.id("f-summary")).getAttribute("value").equals("Første del. Skrevet mens serveren var væk."));
            assertThat(browser.driver().findElement(By.id("restored-notice")).isDisplayed()).isTrue();
            awaitSaved(browser);
            await("the local copy dropped once the server has it").atMost(Duration.ofSeconds(10)).until(() ->
                    ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return localStorage.getItem('hotline-kladde-' + arguments[0]);", contact) == null);
            browser.driver().navigate().refresh();
            assertThat(browser.waitFor(By.id("f-summary")).getAttribute("value")).isEqualTo("Første del. Skrevet mens serveren var væk.");
        }
    }

    // ---- helpers ----

    private static Browser signedIn() {
        Browser browser = Browser.open();
        browser.go(core.uri("/konsol").toString());
        browser.signInAtKeycloak("advisor-aarhus", "advisor-aarhus");
        browser.waitFor(By.id("waiting"));
        await("the live feed is open").atMost(POP).until(() ->
                "true".equals(browser.driver().findElement(By.tagName("body")).getAttribute("data-live")));
        return browser;
    }

    private static String firstReferralInInbox(String token) throws Exception {
        java.net.http.HttpResponse<String> r = HTTP.send(java.net.http.HttpRequest.newBuilder(routing.uri("/api/inbox/referrals?filter=all"))
                .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        com.fasterxml.jackson.databind.JsonNode list = JSON.readTree(r.body());
        return list.isArray() && list.size() > 0 ? list.get(0).path("referralId").asText() : null;
    }

    private static int http(String method, ServiceProcess service, String path, String token) throws Exception {
        return HTTP.send(java.net.http.HttpRequest.newBuilder(service.uri(path)).header("Authorization", "Bearer " + token)
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void awaitSaved(Browser browser) {
        await("autosaved").atMost(Duration.ofSeconds(15)).until(() ->
                browser.driver().findElement(By.id("save-status")).getText().matches("Gemt kl\\. \\d\\d:\\d\\d:\\d\\d"));
    }

    private static String text(Browser browser, String css) {
        return browser.waitFor(By.cssSelector(css)).getText();
    }
}
