package dk.hotline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The advisor console in a real browser (docs/advice-and-referrals.md): the packaged core, routing and telephony
 * adapter against the real Keycloak login page, PostgreSQL and Kafka of the test stack; calls connect through the
 * adapter's AMI client, fed by {@link AmiPeer} with events recorded from a real Asterisk. Each test calls from a
 * number of its own, so a caller's history is the test's own. Screenshots of each screen go to docs/screens/; a
 * failed test leaves what the browser saw under target/e2e-console/failed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final Duration POP = Duration.ofSeconds(30);
    private static final AtomicLong CALLS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);
    private static final Path LOGS = Path.of("target", "e2e-console");

    private static ServicesWithAmiPeer services;
    private static AmiPeer asterisk;
    private static ServiceProcess core;
    private static ServiceProcess routing;
    private static Realm realm;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What each browser showed when a test failed, kept before they close. */
    @RegisterExtension
    final Browsers browsers = new Browsers(LOGS);

    @BeforeAll
    static void startTheServices() {
        Assumptions.assumeTrue(Browser.available(), "no chromium and chromium-driver on this machine: browser tests skipped");
        realm = new Realm(ServiceEnvironment.keycloakUrl());
        services = ServicesWithAmiPeer.start("hotline_core_console", "hotline_routing_console", LOGS);
        asterisk = services.asterisk();
        core = services.core();
        routing = services.routing();
    }

    @AfterAll
    static void stopTheServices() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    @Order(1)
    void anAdvisorSignsInAtKeycloakSeesTheConsoleInDanishAndSignsOut() {
        Browser browser = browser();
        browser.go(core.uri("/konsol").toString());
        // Not signed in: the real Keycloak login page, asked for a code with PKCE by the web client.
        browser.waitForKeycloakLogin();
        assertThat(browser.driver().getCurrentUrl()).contains("/realms/hotline/protocol/openid-connect/auth")
                .contains("code_challenge_method=S256").contains("client_id=hotline-web");
        browser.screenshot("sign-in");
        browser.signInAtKeycloak("advisor-aarhus", "advisor-aarhus");

        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Rådgiverkonsol");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(core.uri("/konsol").toString());
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("da");
        assertThat(browser.waitFor(By.cssSelector("[data-testid=signed-in]")).getText())
                .contains("Demo Advisor Aarhus").contains("Aarhus");
        assertThat(browser.driver().findElement(By.cssSelector("a.skipnav")).getAttribute("href")).endsWith("#main-content");
        assertThat(browser.driver().findElements(By.cssSelector("main#main-content"))).hasSize(1);
        assertThat(browser.driver().findElement(By.id("waiting")).getText()).contains("Venter på næste opkald");
        awaitLive(browser);
        browser.assertAccessible("the advisor console");
        browser.screenshot("console");

        browser.driver().findElement(By.cssSelector("[data-testid=sign-out]")).click();
        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Du er logget ud");
        browser.assertAccessible("the signed-out page");
        browser.screenshot("signed-out");
        // Signed out at Keycloak too: the console asks for the login again.
        browser.go(core.uri("/konsol").toString());
        browser.waitForKeycloakLogin();
    }

    @Test
    @Order(2)
    void aConnectedCallPopsUpItsDraftWhichTheAdvisorFillsInFinalisesAndRefersAndSeesAccepted() throws Exception {
        Browser browser = signedIn();
        String caller = "4520100002";
        asterisk.callConnects(CALLS.incrementAndGet(), true, caller);
        WebElement form = popped(browser);

        assertThat(text(browser, "[data-testid=line]")).isEqualTo("Den nationale linje");
        assertThat(text(browser, "[data-testid=site]")).isEqualTo("Aarhus");
        assertThat(text(browser, "[data-testid=wait]")).isEqualTo("2 sekunder");
        assertThat(text(browser, "[data-testid=routing]")).isEqualTo("Nøddrift");
        assertThat(text(browser, "[data-testid=earlier]")).isEqualTo("Ingen tidligere henvendelser fra samme nummer");
        assertThat(browser.driver().getPageSource()).doesNotContain(caller);
        assertThat(browser.driver().getCurrentUrl()).contains("/konsol/henvendelser/");
        browser.assertAccessible("the screen-pop");
        browser.screenshot("screen-pop");

        // Fill in the log; autosave says when it has it.
        new Select(form.findElement(By.id("f-callerRole"))).selectByVisibleText("Pårørende");
        new Select(form.findElement(By.id("f-concernCategory"))).selectByValue("RIGHT_WING_EXTREMISM");
        // An adult: routing gives it to the police district's infohus (a minor's goes to the municipality's SSP).
        new Select(form.findElement(By.id("f-ageBand"))).selectByValue("AGE_18_24");
        new Select(form.findElement(By.id("f-municipalityCode"))).selectByVisibleText("Odense");
        form.findElement(By.cssSelector("input[name=adviceThemes] + label")).click();
        form.findElement(By.id("f-summary")).sendKeys("Moderen er bekymret for sin søn.");
        choose(browser, "f-outcome-REFERRAL");
        awaitSaved(browser);

        // Finalising without severity, legal basis and description: Danish messages beside the fields, and a summary.
        browser.driver().findElement(By.cssSelector("[data-testid=finalise]")).click();
        WebElement summary = browser.waitFor(By.cssSelector("[data-testid=error-summary]"));
        assertThat(summary.getText()).contains("Der er et problem").contains("Vælg, hvor alvorlig bekymringen er")
                .contains("Vælg hjemlen til at videregive").contains("Skriv en beskrivelse til modtageren");
        assertThat(text(browser, "#e-severity")).isEqualTo("Vælg, hvor alvorlig bekymringen er");
        assertThat(text(browser, "#e-legalBasis")).isEqualTo("Vælg hjemlen til at videregive");
        assertThat(text(browser, "#e-description")).isEqualTo("Skriv en beskrivelse til modtageren");
        assertThat(browser.driver().findElement(By.id("f-summary")).getAttribute("value")).isEqualTo("Moderen er bekymret for sin søn.");
        assertThat(browser.driver().findElement(By.id("f-outcome-REFERRAL")).isSelected()).isTrue();
        browser.assertAccessible("the log form with errors");
        browser.screenshot("log-form-errors", By.cssSelector("[data-testid=error-summary]"));

        // Acute shows the 112 guidance; the preview of where it goes comes from routing's own resolution.
        choose(browser, "f-severity-ACUTE");
        assertThat(browser.waitFor(By.cssSelector("[data-testid=acute-preview]")).getText()).contains("112");
        choose(browser, "f-severity-MEDIUM");
        await("routing's preview").atMost(Duration.ofSeconds(15)).until(() -> browser.driver()
                .findElements(By.cssSelector("[data-testid=preview]")).stream().anyMatch(e -> e.getText().contains("48 timer")));
        assertThat(text(browser, "[data-testid=preview]")).isEqualTo("Går til: Infohus Fyn — frist 48 timer");
        choose(browser, "f-legalBasis-ANONYMOUS");
        browser.driver().findElement(By.id("f-description")).sendKeys("Søn på 19 år deler højreekstremt materiale.");
        browser.assertAccessible("the referral with routing's preview");
        browser.screenshot("referral-preview", By.id("referral"));
        browser.driver().findElement(By.cssSelector("[data-testid=finalise]")).click();
        assertThat(browser.waitFor(By.cssSelector("[data-testid=final]")).getText()).contains("Henvendelsen er afsluttet");
        assertThat(text(browser, "[data-testid=referral]")).contains("Mellem");

        // Infohus Fyn finds it in its inbox and accepts it; the advisor's log shows what became of it.
        String fyn = realm.user("recipient-fyn");
        String referralId = await("the referral in Fyn's inbox").atMost(Duration.ofSeconds(60))
                .until(() -> firstReferralInInbox(fyn), id -> id != null);
        assertThat(post(routing, "/api/inbox/referrals/" + referralId + "/accept", fyn)).isEqualTo(200);
        await("the advisor sees it accepted").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            browser.driver().navigate().refresh();
            return browser.waitFor(By.cssSelector("[data-testid=final]")).isDisplayed()
                    && browser.driver().findElements(By.cssSelector("[data-testid=statuses] tr[data-status=ACCEPTED]")).size() == 1;
        });
        assertThat(text(browser, "[data-testid=statuses] tr[data-status=ACCEPTED]")).contains("Accepteret").contains("Infohus Fyn");
        browser.assertAccessible("a finalised log with its referral's status");
        browser.screenshot("finalised", By.cssSelector("[data-testid=final]"));

        // An amendment needs a reason.
        browser.driver().findElement(By.cssSelector("[data-testid=amend]")).click();
        assertThat(browser.waitFor(By.id("e-reason")).getText()).isEqualTo("Skriv, hvorfor henvendelsen rettes");
        browser.assertAccessible("an amendment without its reason");
        browser.driver().findElement(By.id("f-summary")).sendKeys(" Faderen ringede også.");
        browser.driver().findElement(By.id("f-reason")).sendKeys("Oplysning glemt under samtalen");
        browser.driver().findElement(By.cssSelector("[data-testid=amend]")).click();
        assertThat(browser.waitFor(By.cssSelector("[data-testid=amendments]")).getText()).contains("Oplysning glemt under samtalen");
        assertThat(text(browser, "[data-testid=summary]")).endsWith("Faderen ringede også.");
    }

    @Test
    @Order(3)
    void aRepeatCallerShowsEarlierContactsAndTwoTabsOnOneDraftNeverOverwriteEachOther() {
        Browser browser = signedIn();
        String caller = "4520100003";
        // The first call had no content: one click finalises it.
        asterisk.callConnects(CALLS.incrementAndGet(), false, caller);
        popped(browser);
        assertThat(text(browser, "[data-testid=earlier]")).isEqualTo("Ingen tidligere henvendelser fra samme nummer");
        browser.driver().findElement(By.cssSelector("[data-testid=contentless-NO_CONTENT_SILENT]")).click();
        assertThat(browser.waitFor(By.cssSelector("[data-testid=outcome]")).getText()).isEqualTo("Opkald uden indhold: tavst");
        browser.go(core.uri("/konsol").toString());
        awaitLive(browser);

        // The same number calls again: the advisor sees the earlier contact and may open it.
        asterisk.callConnects(CALLS.incrementAndGet(), false, caller);
        popped(browser);
        assertThat(text(browser, "[data-testid=earlier] summary")).isEqualTo("1 tidligere henvendelse");
        assertThat(text(browser, "[data-testid=earlier] li a")).endsWith("Opkald uden indhold: tavst");
        assertThat(text(browser, "[data-testid=routing]")).isEqualTo("Normal");
        browser.assertAccessible("a repeat caller's draft");
        browser.screenshot("repeat-caller");
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
        assertThat(browser.driver().findElement(By.id("f-summary")).getAttribute("value")).isEqualTo("Skrevet i fane et.");
        browser.assertAccessible("the stale-draft message");
        browser.screenshot("two-tabs-stale", By.id("draft-heading"));

        // What tab two saved is still there.
        browser.driver().navigate().refresh();
        assertThat(browser.waitFor(By.id("f-summary")).getAttribute("value")).isEqualTo("Skrevet i fane to.");

        // My work: today's contacts of my site, then only my drafts; never a word of free text in the list.
        browser.driver().findElement(By.cssSelector("[data-testid=nav-work]")).click();
        assertThat(browser.waitFor(By.cssSelector("[data-testid=work]")).getText()).contains("Opkald uden indhold: tavst")
                .doesNotContain("Skrevet i fane to.");
        browser.assertAccessible("my work");
        browser.screenshot("my-work");
        new Select(browser.driver().findElement(By.id("f-vis"))).selectByValue("kladder");
        choose(browser, "f-mine");
        browser.driver().findElement(By.cssSelector("[data-testid=filter]")).click();
        // The filter is a form GET: wait for the new page before reading its address (the click only starts it).
        new WebDriverWait(browser.driver(), POP).until(d -> d.getCurrentUrl().contains("vis=kladder"));
        assertThat(browser.driver().getCurrentUrl()).contains("vis=kladder").contains("mine=ja");
        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Mit arbejde");
        assertThat(text(browser, "[data-testid=work]")).contains("Kladde").doesNotContain("Opkald uden indhold: tavst");
        new Select(browser.driver().findElement(By.id("f-vis"))).selectByValue("ulogget");
        browser.driver().findElement(By.cssSelector("[data-testid=filter]")).click();
        new WebDriverWait(browser.driver(), POP).until(d -> d.getCurrentUrl().contains("vis=ulogget"));
        assertThat(browser.driver().getCurrentUrl()).contains("vis=ulogget");
        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Mit arbejde");
    }

    @Test
    @Order(4)
    void theMainPathWorksWithTheKeyboardAlone() {
        Browser browser = signedIn();
        asterisk.callConnects(CALLS.incrementAndGet(), false, "4520100004");
        popped(browser);
        // Focus moves to the popped-up call; every field is reached with Tab, choices made with keys only.
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("draft-heading");
        tabTo(browser, "f-callerRole").sendKeys(Keys.ARROW_DOWN);
        tabTo(browser, "f-concernCategory").sendKeys(Keys.ARROW_DOWN);
        tabTo(browser, "f-ageBand").sendKeys(Keys.ARROW_DOWN);
        tabTo(browser, "f-municipalityCode").sendKeys("Odense");
        tabTo(browser, "f-theme-" + firstValue(browser, "adviceThemes")).sendKeys(Keys.SPACE);
        tabTo(browser, "f-summary").sendKeys("Kun med tastaturet.");
        tabTo(browser, "f-outcome-ADVICE_ONLY").sendKeys(Keys.SPACE);
        assertThat(value(browser, "f-callerRole")).isNotEmpty();
        assertThat(value(browser, "f-concernCategory")).isNotEmpty();
        assertThat(value(browser, "f-ageBand")).isNotEmpty();
        assertThat(new Select(browser.driver().findElement(By.id("f-municipalityCode"))).getFirstSelectedOption().getText()).isEqualTo("Odense");
        assertThat(browser.driver().findElement(By.id("f-outcome-ADVICE_ONLY")).isSelected()).isTrue();
        awaitSaved(browser);
        tabTo(browser, "finalise").sendKeys(Keys.ENTER);
        assertThat(browser.waitFor(By.cssSelector("[data-testid=final]")).getText()).contains("Henvendelsen er afsluttet");
        assertThat(text(browser, "[data-testid=outcome]")).isEqualTo("Rådgivning");
        assertThat(text(browser, "[data-testid=summary]")).isEqualTo("Kun med tastaturet.");
    }

    @Test
    @Order(5)
    void textTypedWhileCoreIsDownStaysInThePageSurvivesAReloadAndIsSavedWhenCoreIsBack() {
        Browser browser = signedIn();
        asterisk.callConnects(CALLS.incrementAndGet(), false, "4520100005");
        WebElement summary = popped(browser).findElement(By.id("f-summary"));
        String draftUrl = browser.driver().getCurrentUrl();
        String contact = draftUrl.substring(draftUrl.lastIndexOf('/') + 1);
        summary.sendKeys("Første del.");
        awaitSaved(browser);

        core.close();
        summary.sendKeys(" Skrevet mens serveren var væk.");
        await("the page says it is not saved").atMost(Duration.ofSeconds(20))
                .ignoreExceptionsInstanceOf(StaleElementReferenceException.class).until(() ->
                browser.driver().findElement(By.id("save-status")).getText().startsWith("Ikke gemt endnu"));
        browser.assertAccessible("the not-saved notice");
        browser.screenshot("offline-kept", By.id("draft-heading"));
        // Kept in the browser, encrypted: the stored copy does not hold the words.
        String stored = localCopy(browser, contact);
        assertThat(stored).isNotNull().doesNotContain("Skrevet").doesNotContain("Første");

        // The advisor closes the tab while the server is away, and comes back to the draft once it is up again.
        String original = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        String other = browser.driver().getWindowHandle();
        browser.driver().switchTo().window(original).close();
        browser.driver().switchTo().window(other);
        core = services.restartCore();
        browser.go(draftUrl);
        await("the local copy restored into the form").atMost(Duration.ofSeconds(20)).until(() ->
                value(browser, "f-summary").equals("Første del. Skrevet mens serveren var væk."));
        assertThat(browser.driver().findElement(By.id("restored-notice")).isDisplayed()).isTrue();
        browser.assertAccessible("the restored local copy");
        browser.screenshot("restored", By.id("draft-heading"));
        awaitSaved(browser);
        await("the local copy dropped once the server has it").atMost(Duration.ofSeconds(10))
                .until(() -> localCopy(browser, contact) == null);
        browser.driver().navigate().refresh();
        assertThat(browser.waitFor(By.id("f-summary")).getAttribute("value")).isEqualTo("Første del. Skrevet mens serveren var væk.");
    }

    // ---- helpers ----

    @Test
    @Order(6)
    void anAdvisorSignsInToTheQueuePausesWithAReasonResumesAndSignsOutWithTheKeyboardAlone() {
        Browser browser = signedIn();
        // The box starts wherever an earlier run left this phone (core keeps it): signed out first.
        if (!browser.driver().findElements(By.cssSelector("[data-testid=presence-sign-out]")).isEmpty()) {
            tabTo(browser, "presence-sign-out").sendKeys(Keys.ENTER);
            awaitPresence(browser, "Du er logget ud af køen og får ingen opkald.");
        }
        assertThat(presenceState(browser)).isEqualTo("Du er logget ud af køen og får ingen opkald.");

        tabTo(browser, "presence-sign-in").sendKeys(Keys.ENTER);
        awaitPresence(browser, "Du er logget ind i køen og får opkald.");
        browser.assertAccessible("the queue box, signed in");

        // A pause needs a reason: the message sits beside the field, which says it is wrong.
        tabTo(browser, "presence-pause").sendKeys(Keys.ENTER);
        assertThat(browser.waitFor(By.id("e-reason")).getText()).isEqualTo("Vælg en årsag til pausen.");
        assertThat(browser.driver().findElement(By.id("reason")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.assertAccessible("the queue box with a missing reason");
        browser.screenshot("queue-presence-errors", By.cssSelector("[data-testid=presence]"));

        tabTo(browser, "reason").sendKeys(Keys.ARROW_DOWN);
        assertThat(new Select(browser.driver().findElement(By.id("reason"))).getFirstSelectedOption().getText())
                .isEqualTo("Pause");
        tabTo(browser, "presence-pause").sendKeys(Keys.ENTER);
        awaitPresence(browser, "Du er på pause: Pause. Du får ingen opkald.");
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid=presence-not-applied]"))).isEmpty();
        browser.assertAccessible("the queue box, paused");
        browser.screenshot("queue-presence-paused", By.cssSelector("[data-testid=presence]"));

        tabTo(browser, "presence-resume").sendKeys(Keys.ENTER);
        awaitPresence(browser, "Du er logget ind i køen og får opkald.");

        tabTo(browser, "presence-sign-out").sendKeys(Keys.ENTER);
        awaitPresence(browser, "Du er logget ud af køen og får ingen opkald.");
        browser.assertAccessible("the queue box, signed out");
    }

    @Test
    @Order(7)
    void anAdvisorHandsTheLiveCallToTheOtherSiteAndTheReceiverContinuesTheSameDraftWithTheNote() {
        Browser aarhus = signedIn();
        Browser copenhagen = signedIn("advisor-cph");
        long suffix = CALLS.incrementAndGet();
        String callId = "1900000000." + suffix;
        asterisk.callConnects(suffix, false, "4520100007");
        WebElement form = popped(aarhus);
        String draftUrl = aarhus.driver().getCurrentUrl();
        form.findElement(By.id("f-summary")).sendKeys("Faderen ringer om sin søn på 17.");
        awaitSaved(aarhus);

        // The box is closed until asked for; it opens with the keyboard too.
        WebElement open = aarhus.waitFor(By.cssSelector("[data-testid=transfer-open]"));
        assertThat(open.getText()).isEqualTo("Viderestil opkaldet");
        open.sendKeys(Keys.ENTER);
        aarhus.waitFor(By.id("f-transfer-note")).sendKeys("Han taler om at rejse ud. Faderen vil gerne ringes op af SSP.");
        aarhus.driver().findElement(By.cssSelector("[data-testid=transfer-submit]")).click();
        assertThat(aarhus.waitFor(By.id("e-transfer-target")).getText()).isEqualTo("Vælg, hvem opkaldet skal stilles videre til");
        assertThat(value(aarhus, "f-transfer-note")).isEqualTo("Han taler om at rejse ud. Faderen vil gerne ringes op af SSP.");
        assertThat(services.telephonyFront().transfers()).isEmpty();
        aarhus.assertAccessible("the transfer box with a missing target");
        aarhus.screenshot("transfer-errors", By.id("transfer"));

        choose(aarhus, "f-transfer-SITE");
        assertThat(text(aarhus, "label[for=f-transfer-SITE]")).isEqualTo("Den anden lokation (København)");
        aarhus.assertAccessible("the transfer box");
        aarhus.screenshot("transfer-form", By.id("transfer"));
        aarhus.driver().findElement(By.cssSelector("[data-testid=transfer-submit]")).click();
        assertThat(aarhus.waitFor(By.cssSelector("[data-testid=transfer-pending]")).getText())
                .startsWith("Opkaldet er sendt videre til Den anden lokation (København) kl.");
        TelephonyFront.Transfer sent = services.telephonyFront().transfers().get(0);
        assertThat(sent.callId()).isEqualTo(callId);
        assertThat(sent.body()).isEqualTo("{\"target\":\"SITE\",\"site\":\"COPENHAGEN\"}");
        assertThat(sent.bearer()).as("core's own token").isTrue();

        // Copenhagen's advisor answers: the adapter publishes the second CONNECTED, and the same draft pops up there.
        CallsTopic.connectedAfterTransfer(callId, "COPENHAGEN", "advisor-cph-1", "advisor-aarhus-1", 2);
        WebElement received = new WebDriverWait(copenhagen.driver(), POP).until(d -> d.findElement(By.cssSelector("[data-testid=transfer-received]")));
        assertThat(received.getText()).contains("Viderestillet fra ").contains("(advisor-aarhus-1)")
                .contains("Besked: Han taler om at rejse ud. Faderen vil gerne ringes op af SSP.");
        assertThat(copenhagen.driver().getCurrentUrl()).isEqualTo(draftUrl);
        assertThat(copenhagen.waitFor(By.id("f-summary")).getAttribute("value")).isEqualTo("Faderen ringer om sin søn på 17.");
        assertThat(text(copenhagen, "[data-testid=advisors]")).isEqualTo("advisor-aarhus-1 → advisor-cph-1");
        copenhagen.assertAccessible("the draft handed on, with the note");
        copenhagen.screenshot("transfer-received", By.id("draft-heading"));

        // The first advisor's draft turns read-only by itself.
        assertThat(new WebDriverWait(aarhus.driver(), POP).until(d -> d.findElement(By.cssSelector("[data-testid=handed-on]"))).getText())
                .startsWith("Du har viderestillet opkaldet til advisor-cph-1 kl.");
        assertThat(aarhus.driver().findElements(By.id("log-form"))).isEmpty();
        aarhus.assertAccessible("the draft handed on, read-only");
        aarhus.screenshot("transfer-handed-on", By.id("draft-heading"));

        // The receiver goes on with the same log.
        copenhagen.driver().findElement(By.id("f-summary")).sendKeys(" Aftalt opfølgning med SSP København.");
        awaitSaved(copenhagen);
        copenhagen.driver().navigate().refresh();
        assertThat(copenhagen.waitFor(By.id("f-summary")).getAttribute("value"))
                .isEqualTo("Faderen ringer om sin søn på 17. Aftalt opfølgning med SSP København.");
    }

    private static String presenceState(Browser browser) {
        return browser.waitFor(By.cssSelector("[data-testid=presence-state]")).getText();
    }

    private static void awaitPresence(Browser browser, String text) {
        await("the queue box says: " + text).atMost(POP).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .until(() -> text.equals(browser.driver().findElement(By.cssSelector("[data-testid=presence-state]")).getText()));
    }

    private Browser browser() {
        return browsers.open();
    }

    private Browser signedIn() {
        return signedIn("advisor-aarhus");
    }

    private Browser signedIn(String advisor) {
        Browser browser = browser();
        browser.go(core.uri("/konsol").toString());
        browser.signInAtKeycloak(advisor, advisor);
        browser.waitFor(By.id("waiting"));
        awaitLive(browser);
        return browser;
    }

    /** The console's live feed is open: calls connected to the advisor's phone pop up from now on. */
    private static void awaitLive(Browser browser) {
        await("the live feed is open").atMost(POP).until(() ->
                "true".equals(browser.driver().findElement(By.tagName("body")).getAttribute("data-live")));
    }

    /** Waits for the draft of a connected call to open by itself, and answers its form. */
    private static WebElement popped(Browser browser) {
        return new WebDriverWait(browser.driver(), POP).until(d -> d.findElement(By.id("log-form")));
    }

    private static WebElement tabTo(Browser browser, String id) {
        for (int i = 0; i < 200; i++) {
            WebElement active = browser.driver().switchTo().activeElement();
            if (id.equals(active.getAttribute("id")) || id.equals(active.getAttribute("data-testid"))) {
                return active;
            }
            active.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    private static String firstValue(Browser browser, String name) {
        return browser.driver().findElement(By.cssSelector("input[name=" + name + "]")).getAttribute("value");
    }

    private static String value(Browser browser, String id) {
        return browser.driver().findElement(By.id(id)).getAttribute("value");
    }

    private static String localCopy(Browser browser, String contact) {
        return (String) ((JavascriptExecutor) browser.driver())
                .executeScript("return localStorage.getItem('hotline-kladde-' + arguments[0]);", contact);
    }

    private static String firstReferralInInbox(String token) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(routing.uri("/api/inbox/referrals?filter=all"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode list = JSON.readTree(r.body());
        return list.isArray() && list.size() > 0 ? list.get(0).path("referralId").asText() : null;
    }

    private static int post(ServiceProcess service, String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(service.uri(path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Picks a radio button or check box as a person does: by its label (DKFDS draws the box on the label). */
    private static void choose(Browser browser, String id) {
        browser.waitFor(By.cssSelector("label[for='" + id + "']")).click();
    }

    private static void awaitSaved(Browser browser) {
        // The status line is swapped for the server's answer, so an element found may be gone by the time it is read.
        await("autosaved").atMost(Duration.ofSeconds(15)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).until(() ->
                browser.driver().findElement(By.id("save-status")).getText().matches("Gemt kl\\. \\d\\d:\\d\\d:\\d\\d"));
    }

    private static String text(Browser browser, String css) {
        return browser.waitFor(By.cssSelector(css)).getText();
    }
}
