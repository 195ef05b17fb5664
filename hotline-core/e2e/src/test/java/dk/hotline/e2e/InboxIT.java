package dk.hotline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The infohus and SSP inbox in a real browser (docs/routing.md): the packaged core and routing against the real
 * Keycloak login page, PostgreSQL and Kafka of the test stack. An advisor's referral reaches Infohus Fyn, which
 * acknowledges it and forwards it to SSP Odense; Fyn loses it, SSP Odense accepts it and records the outcome, and the
 * advisor's log (core's API) shows what became of it.
 */
class InboxIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ServiceProcess core;
    private static ServiceProcess routing;
    private static Realm realm;

    @BeforeAll
    static void startTheServices() {
        Assumptions.assumeTrue(Browser.available(), "no chromium and chromium-driver on this machine: browser tests skipped");
        Databases.fresh("hotline_core_inbox", "hotline_routing_inbox");
        realm = new Realm(ServiceEnvironment.keycloakUrl());
        Map<String, Map<String, String>> env = ServiceEnvironment.of(Repo.ROOT, "hotline_core_inbox", "hotline_routing_inbox");
        Path logs = Path.of("target", "e2e-inbox");
        core = ServiceProcess.start(Repo.ROOT, "hotline-core", env.get("hotline-core"), logs);
        routing = ServiceProcess.start(Repo.ROOT, "routing", env.get("routing"), logs);
        core.awaitReady();
        routing.awaitReady();
    }

    @AfterAll
    static void stopTheServices() {
        for (AutoCloseable c : new AutoCloseable[] {routing, core}) {
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
    void fynAcknowledgesAndForwardsSspOdenseAcceptsAndRecordsTheOutcomeAndTheAdvisorSeesIt() throws Exception {
        String referralId = referralByAnAdvisor();

        try (Browser fyn = Browser.open()) {
            fyn.go(routing.uri("/indbakke").toString());
            // Not signed in: the real Keycloak login page, asked for a code with PKCE by the web client.
            fyn.waitFor(By.id("kc-login"));
            assertThat(fyn.driver().getCurrentUrl()).contains("/realms/hotline/protocol/openid-connect/auth")
                    .contains("client_id=hotline-web").contains("code_challenge_method=S256");
            fyn.signInAtKeycloak("recipient-fyn", "recipient-fyn");
            await("the referral in Fyn's inbox page").atMost(Duration.ofSeconds(60)).until(() -> {
                fyn.go(routing.uri("/indbakke").toString());
                return !fyn.driver().findElements(By.cssSelector("tr[data-referral='" + referralId + "']")).isEmpty();
            });
            assertThat(fyn.driver().getTitle()).startsWith("Indbakke (1 åbne)");
            assertThat(fyn.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("da");
            assertThat(text(fyn, "[data-testid=signed-in]")).contains("Infohus Fyn");
            WebElement row = fyn.waitFor(By.cssSelector("tr[data-referral='" + referralId + "']"));
            assertThat(row.getAttribute("data-bucket")).isEqualTo("NEW");
            assertThat(row.getText()).contains("Ny").contains("Mellem").contains("Odense (461)");
            await("the live countdown").atMost(Duration.ofSeconds(5)).until(() ->
                    row.findElement(By.cssSelector(".countdown")).getText().matches("1 d \\d+ t \\d+ min tilbage"));
            // Sortable and filterable: by severity, then only what is overdue (nothing).
            fyn.driver().findElement(By.cssSelector("[data-testid=sort-severity]")).click();
            assertThat(fyn.waitFor(By.cssSelector("th[aria-sort] a")).getText()).isEqualTo("Alvor");
            new Select(fyn.driver().findElement(By.id("f-vis"))).selectByValue("overskredet");
            fyn.driver().findElement(By.cssSelector("[data-testid=filter] button")).click();
            fyn.waitFor(By.cssSelector("[data-testid=inbox-empty]"));
            fyn.go(routing.uri("/indbakke").toString());
            fyn.assertAccessible("the inbox");
            fyn.screenshot("inbox");

            // The referral: what the hotline sent, why it came here, the deadline and its rule.
            fyn.waitFor(By.cssSelector("tr[data-referral='" + referralId + "'] a")).click();
            assertThat(text(fyn, "[data-testid=explanation]")).isEqualTo("Odense (kommune 461) hører under Fyns Politi → Infohus Fyn");
            assertThat(text(fyn, "[data-testid=deadline-rule]")).isEqualTo("Alvor Mellem: visiteres inden for 48 timer fra"
                    + " oprettelsen. Er der ikke kvitteret inden fristen, eskaleres den til hotlinens supervisorer.");
            assertThat(text(fyn, "[data-testid=description]")).isEqualTo("Søn på 30 år deler ekstremistisk materiale.");
            assertThat(text(fyn, "[data-testid=progress]")).isEqualTo("Modtaget");
            fyn.assertAccessible("a referral");
            fyn.screenshot("inbox-referral");

            fyn.driver().findElement(By.cssSelector("[data-testid=acknowledge]")).click();
            await("acknowledged").atMost(Duration.ofSeconds(10)).until(() -> text(fyn, "[data-testid=progress]").equals("Kvitteret"));

            // Forward without choosing: the field named in Danish, nothing changed.
            fyn.driver().findElement(By.cssSelector("[data-testid=forward]")).click();
            assertThat(text(fyn, "[data-testid=error-summary]")).contains("Der er et problem")
                    .contains("Vælg den organisation, henvendelsen skal videresendes til").contains("Skriv en begrundelse");
            assertThat(text(fyn, "#e-organisationId")).isEqualTo("Vælg den organisation, henvendelsen skal videresendes til");
            fyn.assertAccessible("the forward form with errors");
            fyn.screenshot("inbox-forward-errors");
            new Select(fyn.driver().findElement(By.id("f-organisationId"))).selectByValue("ssp-461");
            fyn.driver().findElement(By.id("f-forwardReason")).sendKeys("Sønnen er 16 år; SSP Odense kender familien.");
            fyn.driver().findElement(By.cssSelector("[data-testid=forward]")).click();
            assertThat(text(fyn, "[data-testid=notice]")).isEqualTo("Henvendelsen er videresendt til SSP Odense. I har ikke længere adgang til den.");
            assertThat(fyn.driver().getTitle()).startsWith("Indbakke (0 åbne)");
            assertThat(fyn.driver().findElements(By.cssSelector("tr[data-referral='" + referralId + "']"))).isEmpty();
            // Not by URL either: exactly as a referral that does not exist.
            assertThat(status(routing, "/api/inbox/referrals/" + referralId, realm.user("recipient-fyn"))).isEqualTo(404);
            fyn.go(routing.uri("/indbakke/" + referralId).toString());
            assertThat(fyn.driver().getPageSource()).contains("\"status\":404").doesNotContain("ekstremistisk materiale");
        }

        try (Browser ssp = Browser.open()) {
            ssp.go(routing.uri("/indbakke").toString());
            ssp.signInAtKeycloak("recipient-ssp-odense", "recipient-ssp-odense");
            ssp.waitFor(By.cssSelector("tr[data-referral='" + referralId + "'] a")).click();
            assertThat(text(ssp, "[data-testid=forwarded-from]"))
                    .isEqualTo("Videresendt hertil fra Infohus Fyn: Sønnen er 16 år; SSP Odense kender familien.");
            assertThat(text(ssp, "[data-testid=explanation]"))
                    .isEqualTo("Hotlinen sendte den først: Odense (kommune 461) hører under Fyns Politi → Infohus Fyn");
            assertThat(text(ssp, "[data-testid=deadline-rule]")).isEqualTo("Alvor Mellem: visiteres inden for 48 timer fra"
                    + " videresendelsen. Er der ikke kvitteret inden fristen, eskaleres den til hotlinens supervisorer.");
            ssp.driver().findElement(By.cssSelector("[data-testid=accept]")).click();
            await("accepted").atMost(Duration.ofSeconds(10)).until(() -> text(ssp, "[data-testid=progress]").equals("Visiteret"));
            ssp.waitFor(By.cssSelector("label[for='f-outcome-CASE_STARTED']")).click();
            ssp.driver().findElement(By.id("f-outcomeNote")).sendKeys("Forløb aftalt med skolen.");
            ssp.driver().findElement(By.cssSelector("[data-testid=record-outcome]")).click();
            assertThat(text(ssp, "[data-testid=outcome]")).isEqualTo("Bekræftet – sagsforløb igangsat");
            assertThat(text(ssp, "[data-testid=progress]")).isEqualTo("Afsluttet med udfald");
            ssp.assertAccessible("a referral with its outcome");
            ssp.screenshot("inbox-outcome");
        }

        // The advisor's log: core's referral with routing's statuses, the outcome among them.
        String advisor = realm.user("advisor-aarhus");
        await("the advisor sees the outcome").atMost(Duration.ofSeconds(60)).until(() ->
                statuses(referralId, advisor).contains("OUTCOME_RECORDED:ssp-461:CASE_STARTED"));
        assertThat(statuses(referralId, advisor)).containsSubsequence("DELIVERED:infohus-fyn:", "ACKNOWLEDGED:infohus-fyn:",
                "FORWARDED:ssp-461:", "ACCEPTED:ssp-461:", "OUTCOME_RECORDED:ssp-461:CASE_STARTED");
    }

    @Test
    void aSupervisorKeepsTheDirectoryAndBadInputIsRefusedWithTheFieldNamed() {
        try (Browser supervisor = Browser.open()) {
            supervisor.go(routing.uri("/katalog/infohus-fyn").toString());
            supervisor.signInAtKeycloak("supervisor", "supervisor");
            supervisor.waitFor(By.id("f-mailbox")).clear();
            supervisor.driver().findElement(By.id("f-mailbox")).sendKeys("ikke en adresse");
            supervisor.driver().findElement(By.cssSelector("[data-testid=save]")).click();
            // The page again with the message beside the field (the page's source is in the failure when not).
            await("the refusal").atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(supervisor.driver().getPageSource()).contains("id=\"e-mailbox\""));
            assertThat(text(supervisor, "#e-mailbox")).isEqualTo("Skriv en gyldig e-mailadresse, fx infohus@kommune.dk");
            assertThat(text(supervisor, "#e-reason")).isEqualTo("Skriv, hvorfor ændringen laves");
            supervisor.assertAccessible("the directory form with an error");
            supervisor.screenshot("directory-errors");
            supervisor.driver().findElement(By.id("f-mailbox")).clear();
            supervisor.driver().findElement(By.id("f-mailbox")).sendKeys("infohus.fyn@politi.example");
            supervisor.driver().findElement(By.id("f-reason")).sendKeys("Infohus Fyn har fået en fælles postkasse.");
            supervisor.driver().findElement(By.cssSelector("[data-testid=save]")).click();
            assertThat(text(supervisor, "[data-testid=notice]")).isEqualTo("Ændringen for Infohus Fyn er gemt.");
            assertThat(text(supervisor, "tr[data-organisation='infohus-fyn']")).contains("infohus.fyn@politi.example");
            // Who, when and why: the change as the audit keeps it
            assertThat(text(supervisor, "[data-testid=changes] tbody tr:first-child")).contains("supervisor")
                    .contains("Infohus Fyn").contains("Infohus Fyn har fået en fælles postkasse.");
            assertThat(text(supervisor, "[data-testid=mapping]")).contains("Odense").contains("Fyns Politi");
            supervisor.assertAccessible("the directory");
            supervisor.screenshot("directory");
        }
    }

    /** An advisor logs a contact and refers it through core's API, as the console does. */
    private static String referralByAnAdvisor() throws Exception {
        String advisor = realm.user("advisor-aarhus");
        JsonNode contact = call("POST", core, "/api/contacts", advisor, "{\"channel\":\"PHONE_OUTSIDE_SYSTEM\"}");
        String id = contact.path("id").asText();
        call("PATCH", core, "/api/contacts/" + id, advisor, """
                {"callerRole":"RELATIVE","concernCategory":"MILITANT_ISLAMISM","ageBand":"AGE_25_PLUS",
                 "municipalityCode":"461","adviceThemes":["SIGNS_OF_RADICALISATION"],"summary":"Moderen er bekymret.",
                 "outcome":"REFERRAL"}""");
        JsonNode finalised = call("POST", core, "/api/contacts/" + id + "/finalise", advisor,
                "{\"referral\":{\"severity\":\"MEDIUM\",\"legalBasis\":\"ANONYMOUS\",\"description\":\"Søn på 30 år deler ekstremistisk materiale.\"}}");
        String referralId = finalised.path("referral").path("id").asText();
        assertThat(referralId).isNotBlank();
        return referralId;
    }

    private static List<String> statuses(String referralId, String token) throws Exception {
        JsonNode referral = call("GET", core, "/api/referrals/" + referralId, token, null);
        List<String> out = new ArrayList<>();
        referral.path("statuses").forEach(s -> out.add(s.path("status").asText() + ":" + s.path("recipientId").asText()
                + ":" + s.path("outcome").asText("")));
        return out;
    }

    private static JsonNode call(String method, ServiceProcess service, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private static int status(ServiceProcess service, String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(service.uri(path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String text(Browser browser, String css) {
        return browser.waitFor(By.cssSelector(css)).getText();
    }
}
