package dk.hotline.core.presence;

import dk.hotline.core.board.BoardServices;
import dk.hotline.core.support.OnVertx;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * An advisor's queue presence through core: who may change it (the advisor their own phone, a supervisor any), bad
 * input refused naming the field with nothing sent on, the change forwarded to the telephony adapter (WireMock plays
 * it and Keycloak) with core's own token, audited; the console's controls in Danish.
 */
@QuarkusTest
@QuarkusTestResource(value = BoardServices.class, restrictToAnnotatedClass = true)
class PresenceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String PRESENCE = "/api/telephony/presence/";

    @Inject
    Pool pool;

    private static String answer(String endpoint, String site, String state, String reason) {
        return answer(endpoint, site, state, reason, null, true, null);
    }

    /** The adapter's answer: its wish, whether Asterisk holds it, and (JSON or null) what Asterisk holds. */
    private static String answer(String endpoint, String site, String state, String reason, String wrapUpUntil,
                                 boolean applied, String held) {
        return "{\"endpoint\":\"" + endpoint + "\",\"site\":\"" + site + "\",\"state\":\"" + state + "\""
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"")
                + (wrapUpUntil == null ? "" : ",\"wrapUpUntil\":\"" + wrapUpUntil + "\"")
                + ",\"applied\":" + applied + (held == null ? "" : ",\"held\":" + held) + "}";
    }

    private static void adapterSays(String endpoint, String answer) {
        BoardServices.server.stubFor(get(urlEqualTo(PRESENCE + endpoint))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(answer)));
    }

    /** The automatic follow-up pause after a call, running in Asterisk. */
    private static final String FOLLOW_UP = answer("advisor-aarhus-1", "AARHUS", "PAUSED", "WRAP_UP",
            "2026-12-07T10:15:00Z", true, "{\"site\":\"AARHUS\",\"state\":\"PAUSED\",\"reason\":\"WRAP_UP\"}");

    @BeforeEach
    void adapter() {
        var wm = BoardServices.server;  // plays Keycloak and the telephony adapter
        wm.resetAll();
        wm.stubFor(post(urlEqualTo("/token")).withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"core-service-token\",\"expires_in\":300}")));
        wm.stubFor(put(urlPathMatching(PRESENCE + ".*")).withHeader("Authorization", equalTo("Bearer core-service-token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(answer("advisor-aarhus-1", "AARHUS", "PAUSED", "BREAK"))));
        wm.stubFor(get(urlEqualTo(PRESENCE + "advisor-aarhus-1")).withHeader("Authorization", equalTo("Bearer core-service-token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(FOLLOW_UP)));
    }

    private List<Row> audit(String endpoint) {
        List<Row> rows = new ArrayList<>();
        OnVertx.await(() -> pool.preparedQuery("SELECT actor, actor_role, action, reason FROM audit_entry "
                + "WHERE record_type = 'queue_presence' AND record_id = $1 ORDER BY id").execute(Tuple.of(endpoint)))
                .forEach(rows::add);
        return rows;
    }

    /** No change went to the adapter (the console's own reads of the presence are GETs). */
    private static void nothingSentToTheAdapter() {
        BoardServices.server.verify(0, putRequestedFor(urlPathMatching(PRESENCE + ".*")));
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void anAdvisorPausesTheirOwnPhoneInTheirSitesQueueAndItIsAudited() {
        int before = audit("advisor-aarhus-1").size();
        given().contentType(ContentType.JSON).body("{\"state\":\"PAUSED\",\"reason\":\"BREAK\",\"site\":\"COPENHAGEN\"}")
                .put("/api/presence/advisor-aarhus-1").then().statusCode(200)
                .body("state", is("PAUSED")).body("reason", is("BREAK"));

        BoardServices.server.verify(putRequestedFor(urlEqualTo(PRESENCE + "advisor-aarhus-1"))
                .withHeader("Authorization", equalTo("Bearer core-service-token"))
                .withRequestBody(equalToJson("{\"site\":\"AARHUS\",\"state\":\"PAUSED\",\"reason\":\"BREAK\"}")));
        List<Row> entries = audit("advisor-aarhus-1");
        assertThat(entries).hasSize(before + 1);
        Row last = entries.get(entries.size() - 1);
        assertThat(List.of(last.getString("actor"), last.getString("actor_role"), last.getString("action"),
                last.getString("reason"))).containsExactly("anna", "advisor", "UPDATE", "PAUSED BREAK");
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void anAdvisorMayNotChangeAColleaguesPhone() {
        given().contentType(ContentType.JSON).body("{\"state\":\"SIGNED_OUT\"}")
                .put("/api/presence/advisor-aarhus-2").then().statusCode(403).contentType(PROBLEM);
        given().get("/api/presence/advisor-aarhus-2").then().statusCode(403);
        nothingSentToTheAdapter();
        assertThat(audit("advisor-aarhus-2")).isEmpty();
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void badChangesNameTheFieldAndChangeNothing() {
        int before = audit("advisor-aarhus-1").size();
        given().contentType(ContentType.JSON).body("{\"state\":\"PAUSED\",\"reason\":\"NAP\"}")
                .put("/api/presence/advisor-aarhus-1").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("reason"));
        given().contentType(ContentType.JSON).body("{\"state\":\"PAUSED\"}")
                .put("/api/presence/advisor-aarhus-1").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("reason"));
        given().contentType(ContentType.JSON).body("{\"state\":\"AVAILABLE\",\"reason\":\"BREAK\"}")
                .put("/api/presence/advisor-aarhus-1").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("reason"));
        given().contentType(ContentType.JSON).body("{\"state\":\"ASLEEP\"}")
                .put("/api/presence/advisor-aarhus-1").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("state"));
        given().contentType(ContentType.JSON).body("{}")
                .put("/api/presence/advisor-aarhus-1").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("state"));
        nothingSentToTheAdapter();
        assertThat(audit("advisor-aarhus-1")).hasSize(before);
    }

    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    void aSupervisorChangesAnyPhoneNamingItsSite() {
        given().contentType(ContentType.JSON).body("{\"state\":\"AVAILABLE\"}")
                .put("/api/presence/advisor-cph-2").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("site"));
        given().contentType(ContentType.JSON).body("{\"state\":\"SIGNED_OUT\"}")
                .put("/api/presence/Jens%20Hansen").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("endpoint"));
        nothingSentToTheAdapter();

        given().contentType(ContentType.JSON).body("{\"state\":\"SIGNED_OUT\",\"site\":\"COPENHAGEN\"}")
                .put("/api/presence/advisor-cph-2").then().statusCode(200);
        BoardServices.server.verify(putRequestedFor(urlEqualTo(PRESENCE + "advisor-cph-2"))
                .withRequestBody(equalToJson("{\"site\":\"COPENHAGEN\",\"state\":\"SIGNED_OUT\"}")));
        assertThat(audit("advisor-cph-2")).extracting(r -> r.getString("actor") + " " + r.getString("actor_role"))
                .contains("sam supervisor");
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void whenTheAdapterDoesNotTakeItTheAnswerIs503AndNothingIsAudited() {
        BoardServices.server.stubFor(put(urlPathMatching(PRESENCE + ".*")).willReturn(aResponse().withStatus(503)));
        int before = audit("advisor-aarhus-1").size();
        given().contentType(ContentType.JSON).body("{\"state\":\"AVAILABLE\"}")
                .put("/api/presence/advisor-aarhus-1").then().statusCode(503).contentType(PROBLEM);
        assertThat(audit("advisor-aarhus-1")).hasSize(before);
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void theConsoleShowsThePhoneInTheQueueAndItsControlsInDanish() {
        String html = given().get("/konsol").then().statusCode(200).extract().asString();
        assertThat(html).contains("Din telefon i køen").contains("Du er på pause: Efterbehandling")
                .contains("Genoptag opkald").contains("<label class=\"form-label\" for=\"reason\">Årsag til pause</label>")
                .contains("Log ud af køen");

        String missing = given().contentType(ContentType.URLENC).formParam("state", "PAUSED").formParam("reason", "")
                .post("/konsol/koe").then().statusCode(422).extract().asString();
        assertThat(missing).contains("Vælg en årsag til pausen.").contains("aria-invalid=\"true\"");
        nothingSentToTheAdapter();

        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("state", "PAUSED")
                .formParam("reason", "SUPERVISION").post("/konsol/koe").then().statusCode(303);
        BoardServices.server.verify(putRequestedFor(urlEqualTo(PRESENCE + "advisor-aarhus-1"))
                .withRequestBody(equalToJson("{\"site\":\"AARHUS\",\"state\":\"PAUSED\",\"reason\":\"SUPERVISION\"}")));
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void theConsoleSaysSoWhenTheTelephonyIsDown() {
        BoardServices.server.resetAll();
        String html = given().get("/konsol").then().statusCode(200).extract().asString();
        assertThat(html).contains("Telefonien svarer ikke lige nu");
    }

    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    void coreKeepsTheLastWantedStateOfEachPhoneAndNotOneTheAdapterRefused() {
        given().contentType(ContentType.JSON).body("{\"state\":\"PAUSED\",\"reason\":\"SUPERVISION\",\"site\":\"AARHUS\"}")
                .put("/api/presence/advisor-aarhus-7").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"state\":\"AVAILABLE\",\"site\":\"COPENHAGEN\"}")
                .put("/api/presence/advisor-cph-7").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"state\":\"SIGNED_OUT\",\"site\":\"COPENHAGEN\"}")
                .put("/api/presence/advisor-cph-7").then().statusCode(200);
        BoardServices.server.stubFor(put(urlPathMatching(PRESENCE + ".*")).willReturn(aResponse().withStatus(503)));
        given().contentType(ContentType.JSON).body("{\"state\":\"AVAILABLE\",\"site\":\"AARHUS\"}")
                .put("/api/presence/advisor-aarhus-7").then().statusCode(503);

        assertThat(kept("advisor-aarhus-7")).containsExactly("AARHUS", "PAUSED", "SUPERVISION");
        assertThat(kept("advisor-cph-7")).containsExactly("COPENHAGEN", "SIGNED_OUT", "");
    }

    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    @OidcSecurity(claims = @Claim(key = "site", value = "AARHUS"))
    void aReadAnswersCoresKeptStateAgainstWhatAsteriskHoldsWhicheverAdapterAnswers() {
        given().contentType(ContentType.JSON).body("{\"state\":\"AVAILABLE\",\"site\":\"AARHUS\"}")
                .put("/api/presence/advisor-aarhus-5").then().statusCode(200);
        String availableHeld = "{\"site\":\"AARHUS\",\"state\":\"AVAILABLE\"}";

        // The other adapter still wishes the older pause; Asterisk holds the change core kept.
        adapterSays("advisor-aarhus-5", answer("advisor-aarhus-5", "AARHUS", "PAUSED", "BREAK", null, false, availableHeld));
        given().get("/api/presence/advisor-aarhus-5").then().statusCode(200).body("site", is("AARHUS"))
                .body("state", is("AVAILABLE")).body("reason", is((Object) null)).body("applied", is(true))
                .body("held.state", is("AVAILABLE"));

        // Asterisk holds a pause core did not keep: the answer says so.
        adapterSays("advisor-aarhus-5", answer("advisor-aarhus-5", "AARHUS", "AVAILABLE", null, null, true,
                "{\"site\":\"AARHUS\",\"state\":\"PAUSED\",\"reason\":\"BREAK\"}"));
        given().get("/api/presence/advisor-aarhus-5").then().statusCode(200)
                .body("state", is("AVAILABLE")).body("applied", is(false)).body("held.state", is("PAUSED"));

        // The adapter's AMI link is down: nothing known of Asterisk, so nothing is applied.
        adapterSays("advisor-aarhus-5", answer("advisor-aarhus-5", "AARHUS", "PAUSED", "BREAK", null, false, null));
        given().get("/api/presence/advisor-aarhus-5").then().statusCode(200)
                .body("state", is("AVAILABLE")).body("applied", is(false));

        // The automatic follow-up pause runs in Asterisk: that is the answer, with when it ends.
        String followUp = "{\"site\":\"AARHUS\",\"state\":\"PAUSED\",\"reason\":\"WRAP_UP\"}";
        adapterSays("advisor-aarhus-5", answer("advisor-aarhus-5", "AARHUS", "PAUSED", "WRAP_UP",
                "2026-12-07T10:15:00Z", true, followUp));
        given().get("/api/presence/advisor-aarhus-5").then().statusCode(200).body("state", is("PAUSED"))
                .body("reason", is("WRAP_UP")).body("wrapUpUntil", is("2026-12-07T10:15:00Z")).body("applied", is(true));

        // An adapter that still counts down a follow-up the advisor ended early through the other one.
        adapterSays("advisor-aarhus-5", answer("advisor-aarhus-5", "AARHUS", "PAUSED", "WRAP_UP",
                "2026-12-07T10:15:00Z", false, availableHeld));
        given().get("/api/presence/advisor-aarhus-5").then().statusCode(200).body("state", is("AVAILABLE"))
                .body("wrapUpUntil", is((Object) null)).body("applied", is(true));
    }

    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    @OidcSecurity(claims = @Claim(key = "site", value = "AARHUS"))
    void aPhoneCoreKeptNothingForIsAnsweredAsTheAdapterSeesIt() {
        adapterSays("advisor-cph-9", answer("advisor-cph-9", "COPENHAGEN", "PAUSED", "BREAK", null, true,
                "{\"site\":\"COPENHAGEN\",\"state\":\"PAUSED\",\"reason\":\"BREAK\"}"));
        given().get("/api/presence/advisor-cph-9").then().statusCode(200).body("state", is("PAUSED"))
                .body("reason", is("BREAK")).body("applied", is(true));
    }

    @Test
    @TestSecurity(user = "telephony-adapter", roles = "service")
    void theAdapterReadsEveryWantedStateBack() {
        OnVertx.await(() -> pool.query("INSERT INTO queue_presence (endpoint, site, state, reason, changed_at) VALUES "
                + "('advisor-aarhus-8', 'AARHUS', 'PAUSED', 'BREAK', now()) ON CONFLICT (endpoint) DO NOTHING").execute());
        given().get("/api/presence").then().statusCode(200)
                .body("find { it.endpoint == 'advisor-aarhus-8' }.site", is("AARHUS"))
                .body("find { it.endpoint == 'advisor-aarhus-8' }.state", is("PAUSED"))
                .body("find { it.endpoint == 'advisor-aarhus-8' }.reason", is("BREAK"));
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void onlyTheAdapterReadsEveryPhonesWantedState() {
        given().get("/api/presence").then().statusCode(403);
    }

    /** site, state, reason ("" for none) of core's kept row for {@code endpoint}. */
    private List<String> kept(String endpoint) {
        List<String> out = new ArrayList<>();
        OnVertx.await(() -> pool.preparedQuery("SELECT site, state, coalesce(reason, '') AS reason FROM queue_presence "
                + "WHERE endpoint = $1").execute(Tuple.of(endpoint)))
                .forEach(r -> out.addAll(List.of(r.getString("site"), r.getString("state"), r.getString("reason"))));
        return out;
    }
}
