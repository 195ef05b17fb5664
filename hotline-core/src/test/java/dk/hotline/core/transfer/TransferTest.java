package dk.hotline.core.transfer;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dk.hotline.contracts.Contract;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.core.board.BoardServices;
import dk.hotline.core.contact.Contact;
import dk.hotline.core.staff.StaffMember;
import dk.hotline.core.support.FakeTelephonyAdapter;
import dk.hotline.core.support.OnVertx;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Handing a live call on (docs/decisions/call-transfer.md): only the advisor holding it may, bad input names the field,
 * the telephony adapter (WireMock) gets what the contract says with core's own token, a refusal or outage leaves
 * nothing pending, and the adapter's second CONNECTED hands the same draft to the receiver with the sealed note,
 * both advisors on the log, the first advisor's draft read-only.
 */
@QuarkusTest
@QuarkusTestResource(value = BoardServices.class, restrictToAnnotatedClass = true)
class TransferTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String NOTE = "Moderen er bekymret for sin søn; han har talt om at rejse.";

    @ConfigProperty(name = "mp.messaging.incoming.calls.topic")
    String callsTopic;

    @Inject
    Pool pool;

    @Inject
    TransferService transfers;

    @BeforeEach
    void adapter() {
        var wm = BoardServices.server;  // plays Keycloak's token endpoint and the telephony adapter
        wm.resetAll();
        wm.stubFor(post(urlEqualTo("/token")).withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"core-service-token\",\"expires_in\":300}")));
        wm.stubFor(post(urlPathMatching("/api/telephony/calls/.*/transfer")).withHeader("Authorization", equalTo("Bearer core-service-token"))
                .willReturn(aResponse().withStatus(202)));
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void theAdvisorHoldingTheCallHandsItOnAndTheReceiverGetsTheSameDraftWithTheNote() {
        String callId = connectedTo("advisor-aarhus-1");
        Contact draft = draftOf(callId);

        given().contentType(ContentType.JSON).body("{\"target\":\"SITE\",\"site\":\"COPENHAGEN\",\"note\":\"" + NOTE + "\"}")
                .post("/api/calls/" + callId + "/transfer").then().statusCode(202)
                .body("callId", is(callId)).body("target", is("SITE")).body("site", is("COPENHAGEN"))
                .body("acceptedAt", notNullValue());

        // What the adapter got: the contract's body with core's own token, and never the note.
        List<LoggedRequest> sent = BoardServices.server.findAll(postRequestedFor(urlEqualTo("/api/telephony/calls/" + callId + "/transfer"))
                .withHeader("Authorization", equalTo("Bearer core-service-token")));
        assertThat(sent).hasSize(1);
        String body = sent.get(0).getBodyAsString();
        assertThat(Contract.TELEPHONY_TRANSFER_V1.violations(body)).as(body).isEmpty();
        assertThat(body).isEqualTo("{\"target\":\"SITE\",\"site\":\"COPENHAGEN\"}");
        // The note is sealed at rest.
        Row row = transferRow(callId);
        assertThat(row.getString("note")).isNotBlank().doesNotContain("bekymret");
        assertThat(row.getOffsetDateTime("accepted_at")).isNotNull();
        assertThat(row.getOffsetDateTime("connected_at")).isNull();
        assertThat(audited(row.getUUID("id").toString())).contains("anna CREATE");
        // While the telephony moves the call, the draft says so instead of offering the transfer again.
        assertThat(given().get("/konsol/henvendelser/" + draft.id).then().statusCode(200).extract().asString())
                .contains("Opkaldet er sendt videre til Den anden lokation (København)");

        try (FakeTelephonyAdapter adapter = new FakeTelephonyAdapter(callsTopic)) {
            adapter.publishTransferred(callId, "COPENHAGEN", "advisor-cph-1", "advisor-aarhus-1", Instant.now().truncatedTo(ChronoUnit.SECONDS), 2);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "advisor-cph-1".equals(draftOf(callId).advisorEndpoint));
        Contact handed = draftOf(callId);
        assertThat(handed.id).as("the same draft").isEqualTo(draft.id);
        assertThat(handed.sharedSite).isEqualTo(Site.COPENHAGEN);
        assertThat(handed.site).isEqualTo(Site.AARHUS);
        assertThat(advisors(draft.id)).containsExactly("advisor-aarhus-1 AARHUS handed-on", "advisor-cph-1 COPENHAGEN");
        Row connected = transferRow(callId);
        assertThat(connected.getOffsetDateTime("connected_at")).isNotNull();
        assertThat(connected.getString("to_endpoint")).isEqualTo("advisor-cph-1");

        // The first advisor reads the draft but no longer changes it.
        given().contentType(ContentType.JSON).body("{\"summary\":\"Sent efter viderestilling.\"}")
                .patch("/api/contacts/" + draft.id).then().statusCode(409).contentType(PROBLEM)
                .body("type", org.hamcrest.Matchers.endsWith("handed-on"));
        String page = given().get("/konsol/henvendelser/" + draft.id).then().statusCode(200).extract().asString();
        assertThat(page).contains("Du har viderestillet opkaldet til advisor-cph-1").doesNotContain("id=\"log-form\"")
                .contains("Viderestillet fra anna (advisor-aarhus-1)").contains(NOTE);
    }

    @Test
    @TestSecurity(user = "bo", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "COPENHAGEN"), @Claim(key = "endpoint", value = "advisor-cph-1")})
    void theReceiverAtTheOtherSiteSeesTheNoteAboveTheFormAndContinuesTheSameDraft() {
        String callId = connectedTo("advisor-aarhus-1");
        Contact draft = draftOf(callId);
        StaffMember anna = new StaffMember("anna", Site.AARHUS, "advisor-aarhus-1", true, false, null, null);
        OnVertx.await(() -> transfers.request(anna, callId, new TransferService.Request("SITE", "COPENHAGEN", null, NOTE)));
        // Not the receiver's yet: another site's draft.
        given().get("/api/contacts/" + draft.id).then().statusCode(404);

        try (FakeTelephonyAdapter adapter = new FakeTelephonyAdapter(callsTopic)) {
            adapter.publishTransferred(callId, "COPENHAGEN", "advisor-cph-1", "advisor-aarhus-1", Instant.now().truncatedTo(ChronoUnit.SECONDS), 2);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "advisor-cph-1".equals(draftOf(callId).advisorEndpoint));

        String page = given().get("/konsol/henvendelser/" + draft.id).then().statusCode(200).extract().asString();
        assertThat(page).contains("Viderestillet fra anna (advisor-aarhus-1)").contains(NOTE).contains("id=\"log-form\"")
                .contains("advisor-aarhus-1 → advisor-cph-1");
        assertThat(page.indexOf(NOTE)).as("the note above the form").isLessThan(page.indexOf("id=\"log-form\""));
        given().contentType(ContentType.JSON).body("{\"summary\":\"Fortsat i København.\"}")
                .patch("/api/contacts/" + draft.id).then().statusCode(200);
        given().get("/api/contacts").then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(draft.id.toString()));
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void onlyTheAdvisorTheCallIsConnectedToMayHandItOnAndTheRefusalIsAudited() {
        String callId = connectedTo("advisor-aarhus-2");
        given().contentType(ContentType.JSON).body("{\"target\":\"COORDINATION\"}")
                .post("/api/calls/" + callId + "/transfer").then().statusCode(403).contentType(PROBLEM);
        BoardServices.server.verify(0, postRequestedFor(urlPathMatching("/api/telephony/calls/.*")));
        assertThat(transferRows(callId)).isEmpty();
        assertThat(audited(callId)).contains("anna REFUSED");
        given().contentType(ContentType.JSON).body("{\"target\":\"COORDINATION\"}")
                .post("/api/calls/1900000000.0404/transfer").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void badInputNamesTheFieldAndNothingIsStoredOrSent() {
        String callId = connectedTo("advisor-aarhus-1");
        String path = "/api/calls/" + callId + "/transfer";
        for (String[] c : new String[][] {{"{}", "target"}, {"{\"target\":\"QUEUE\"}", "target"},
                {"{\"target\":\"SITE\"}", "site"}, {"{\"target\":\"SITE\",\"site\":\"AARHUS\"}", "site"},
                {"{\"target\":\"COLLEAGUE\"}", "endpoint"}, {"{\"target\":\"COLLEAGUE\",\"endpoint\":\"Jens Hansen\"}", "endpoint"},
                {"{\"target\":\"COORDINATION\",\"note\":\"" + "x".repeat(1001) + "\"}", "note"},
                {"{\"target\":\"COORDINATION\",\"priority\":1}", "priority"}}) {
            given().contentType(ContentType.JSON).body(c[0]).post(path).then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", is(c[1]));
        }
        BoardServices.server.verify(0, postRequestedFor(urlPathMatching("/api/telephony/calls/.*")));
        assertThat(transferRows(callId)).isEmpty();
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void whenTheTelephonyIsAwayTheAnswerIs503WithRetryAfterAndNothingIsLeftPending() {
        String callId = connectedTo("advisor-aarhus-1");
        String path = "/api/calls/" + callId + "/transfer";
        BoardServices.server.stubFor(post(urlPathMatching("/api/telephony/calls/.*/transfer"))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "5")));
        given().contentType(ContentType.JSON).body("{\"target\":\"COORDINATION\",\"note\":\"" + NOTE + "\"}").post(path)
                .then().statusCode(503).contentType(PROBLEM).header("Retry-After", notNullValue());
        BoardServices.server.stubFor(post(urlPathMatching("/api/telephony/calls/.*/transfer"))
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        given().contentType(ContentType.JSON).body("{\"target\":\"COORDINATION\"}").post(path)
                .then().statusCode(503).contentType(PROBLEM).header("Retry-After", notNullValue());
        assertThat(transferRows(callId)).as("a transfer the telephony never took is not kept").isEmpty();

        // The adapter no longer holds the call connected: 409, nothing kept either.
        BoardServices.server.stubFor(post(urlPathMatching("/api/telephony/calls/.*/transfer")).willReturn(aResponse().withStatus(409)));
        given().contentType(ContentType.JSON).body("{\"target\":\"COORDINATION\"}").post(path).then().statusCode(409).contentType(PROBLEM);
        assertThat(transferRows(callId)).isEmpty();

        // The call ended: 409 at core, the adapter is not asked.
        BoardServices.server.resetRequests();
        try (FakeTelephonyAdapter adapter = new FakeTelephonyAdapter(callsTopic)) {
            adapter.publish(callId, "ENDED", "AARHUS", "advisor-aarhus-1", Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "ENDED".equals(state(callId)));
        given().contentType(ContentType.JSON).body("{\"target\":\"COORDINATION\"}").post(path).then().statusCode(409).contentType(PROBLEM);
        BoardServices.server.verify(0, postRequestedFor(urlPathMatching("/api/telephony/calls/.*")));
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void theConsoleOffersTheTransferInDanishAndShowsMistakesBesideTheField() {
        String callId = connectedTo("advisor-aarhus-1");
        Contact draft = draftOf(callId);
        String page = given().get("/konsol/henvendelser/" + draft.id).then().statusCode(200).extract().asString();
        assertThat(page).contains("Viderestil opkaldet").contains("<legend class=\"form-label\">Til</legend>")
                .contains("Den anden lokation (København)").contains("Københavns koordinationsenhed").contains("En kollega")
                .contains("<label class=\"form-label\" for=\"f-transfer-note\">Besked til kollegaen</label>")
                .contains("<label class=\"form-label\" for=\"f-transfer-endpoint\">Kollegaens telefon</label>");

        String missing = given().header("HX-Request", "true").contentType(ContentType.URLENC).formParam("target", "COLLEAGUE")
                .formParam("endpoint", "").formParam("note", "")
                .post("/konsol/henvendelser/" + draft.id + "/viderestil").then().statusCode(422).extract().asString();
        assertThat(missing).contains("id=\"e-transfer-endpoint\">Skriv kollegaens telefon</span>").contains("aria-invalid=\"true\"")
                .doesNotContain("id=\"log-form\"");
        BoardServices.server.verify(0, postRequestedFor(urlPathMatching("/api/telephony/calls/.*")));

        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("target", "COLLEAGUE")
                .formParam("endpoint", "advisor-aarhus-2").formParam("note", "Tag den, tak.")
                .post("/konsol/henvendelser/" + draft.id + "/viderestil").then().statusCode(303);
        BoardServices.server.verify(postRequestedFor(urlEqualTo("/api/telephony/calls/" + callId + "/transfer"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                        "{\"target\":\"COLLEAGUE\",\"endpoint\":\"advisor-aarhus-2\"}")));
    }

    // ---- helpers ----

    /** A call from the queue connected to {@code endpoint} at Aarhus, with its draft open. */
    private String connectedTo(String endpoint) {
        String callId = "1732262500." + FakeTelephonyAdapter.uniqueDigits();
        try (FakeTelephonyAdapter adapter = new FakeTelephonyAdapter(callsTopic)) {
            adapter.publish(callId, "CONNECTED", "AARHUS", endpoint, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> drafts(callId).size() == 1);
        return callId;
    }

    private static List<Contact> drafts(String callId) {
        return OnVertx.await(() -> Panache.withSession(() -> Contact.<Contact>list("callId", callId)));
    }

    private static Contact draftOf(String callId) {
        return drafts(callId).get(0);
    }

    private String state(String callId) {
        List<String> out = new ArrayList<>();
        OnVertx.await(() -> pool.preparedQuery("SELECT state FROM call_record WHERE call_id = $1").execute(Tuple.of(callId)))
                .forEach(r -> out.add(r.getString(0)));
        return out.isEmpty() ? null : out.get(0);
    }

    private List<Row> transferRows(String callId) {
        List<Row> rows = new ArrayList<>();
        OnVertx.await(() -> pool.preparedQuery("SELECT * FROM call_transfer WHERE call_id = $1").execute(Tuple.of(callId)))
                .forEach(rows::add);
        return rows;
    }

    private Row transferRow(String callId) {
        List<Row> rows = transferRows(callId);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private List<String> advisors(java.util.UUID contactId) {
        List<String> out = new ArrayList<>();
        OnVertx.await(() -> pool.preparedQuery("SELECT advisor_endpoint, site, handed_on_at FROM contact_advisor "
                        + "WHERE contact_id = $1 ORDER BY joined_at").execute(Tuple.of(contactId)))
                .forEach(r -> out.add(r.getString(0) + " " + r.getString(1) + (r.getValue(2) == null ? "" : " handed-on")));
        return out;
    }

    private List<String> audited(String recordId) {
        List<String> out = new ArrayList<>();
        OnVertx.await(() -> pool.preparedQuery("SELECT actor, action FROM audit_entry WHERE record_type = 'call_transfer' "
                        + "AND record_id = $1 ORDER BY id").execute(Tuple.of(recordId)))
                .forEach(r -> out.add(r.getString(0) + " " + r.getString(1)));
        return out;
    }
}
