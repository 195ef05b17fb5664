package dk.hotline.core.board;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.hotline.core.support.AdvisorEventStream;
import dk.hotline.core.support.OnVertx;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The supervisor board against the real database and, over HTTP, stand-ins for Keycloak, the telephony adapter and
 * routing: each part of the board comes from its source, core's own token is used, and a source that does not
 * answer leaves its part "unknown" rather than failing the board.
 */
@QuarkusTest
@QuarkusTestResource(value = BoardServices.class, restrictToAnnotatedClass = true)
class SupervisorBoardTest {

    static final String QUEUES = """
            {"at":"2026-12-07T10:00:00Z","known":true,"queues":[
             {"site":"AARHUS","queue":"hotline-aarhus","known":true,"waiting":2,"waitingByLine":{"NATIONAL":2},
              "longestWaitSeconds":95,"advisors":{"free":0,"onCall":3,"paused":3,"unavailable":0,
                "pausedByReason":{"BREAK":1,"WRAP_UP":2}}},
             {"site":"COPENHAGEN","queue":"hotline-copenhagen","known":true,"waiting":1,"waitingByLine":{"COPENHAGEN_LOCAL":1},
              "longestWaitSeconds":12,"advisors":{"free":2,"onCall":0,"paused":0,"unavailable":1}}]}""";

    @Inject
    Pool pool;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @BeforeEach
    void services() {
        var wm = BoardServices.server;
        wm.resetAll();
        wm.stubFor(post(urlEqualTo("/token")).withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=hotline-core")).withRequestBody(containing("client_secret=board-test-secret"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"core-service-token\",\"expires_in\":300}")));
        wm.stubFor(get(urlEqualTo("/api/telephony/queues")).withHeader("Authorization", equalTo("Bearer core-service-token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(QUEUES)));
        wm.stubFor(get(urlEqualTo("/api/supervisor/dead-letters")).withHeader("Authorization", equalTo("Bearer core-service-token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("[{\"id\":1,\"referralId\":\"x\"},{\"id\":2,\"referralId\":\"y\"}]")));
    }

    private JsonPath board() {
        // The board is kept for one refresh period; wait for one built after the stubs changed.
        Instant after = Instant.now();
        return await().atMost(Duration.ofSeconds(90)).until(
                () -> given().get("/api/supervisor/board").then().statusCode(200).extract().jsonPath(),
                j -> Instant.parse(j.getString("at")).isAfter(after));
    }

    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    void queuesAndDeadLettersComeFromTheOtherServicesWithCoresOwnToken() {
        JsonPath b = board();

        assertThat(b.getInt("queues.queues[0].waiting")).isEqualTo(2);
        assertThat(b.getInt("queues.queues[0].advisors.onCall")).isEqualTo(3);
        assertThat(b.getInt("queues.queues[1].waitingByLine.COPENHAGEN_LOCAL")).isEqualTo(1);
        assertThat(b.getInt("deadLetters")).isEqualTo(2);
        // "core-service-token" comes only from the token endpoint's client-credentials answer (kept while valid)
        BoardServices.server.verify(getRequestedFor(urlEqualTo("/api/telephony/queues"))
                .withHeader("Authorization", equalTo("Bearer core-service-token")));
    }

    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    void aSourceThatDoesNotAnswerIsUnknownNotAnError() {
        BoardServices.server.resetAll();
        BoardServices.server.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(503)));

        JsonPath b = board();

        assertThat(b.getMap("queues")).isNull();
        assertThat(b.getString("deadLetters")).isNull();
        assertThat(b.getLong("answeredToday")).isGreaterThanOrEqualTo(0);
        String html = given().get("/tavle").then().statusCode(200).extract().asString();
        assertThat(html).contains("data-testid=\"event-dead-letters\"");
        assertThat(html).contains("data-testid=\"queues-unknown\"").contains("Telefonien svarer ikke lige nu");
    }

    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    void todaysCallsUnloggedCallsAndReferralsNearTheirDeadlineComeFromCoresData() {
        JsonPath before = board();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // Answered an hour ago and not logged; abandoned just now (both today in Denmark unless run just after midnight).
        Instant answeredAt = now.minusSeconds(60);
        insertCall(tag + "-a", "ENDED", answeredAt, answeredAt.plusSeconds(5));
        insertCall(tag + "-b", "ABANDONED", now.minusSeconds(30), null);
        UUID overdue = insertReferral(now.minusSeconds(3 * 3600), now.minusSeconds(600), "ROUTED");
        UUID dueSoon = insertReferral(now.minusSeconds(3600), now.plusSeconds(3600), "DELIVERED");
        UUID accepted = insertReferral(now.minusSeconds(3 * 3600), now.minusSeconds(600), "ACCEPTED");
        UUID farAway = insertReferral(now.minusSeconds(3600), now.plusSeconds(40 * 3600), "ROUTED");

        JsonPath after = board();

        assertThat(after.getLong("answeredToday") - before.getLong("answeredToday")).isEqualTo(1);
        assertThat(after.getLong("abandonedToday") - before.getLong("abandonedToday")).isEqualTo(1);
        List<String> ids = after.getList("referrals.id");
        assertThat(ids).contains(overdue.toString(), dueSoon.toString())
                .doesNotContain(accepted.toString(), farAway.toString());
        assertThat(after.getLong("referralsOverdue") - before.getLong("referralsOverdue")).isEqualTo(1);
        assertThat(after.getLong("referralsDueSoon") - before.getLong("referralsDueSoon")).isEqualTo(1);
        assertThat(after.getBoolean("referrals.find { it.id == '" + overdue + "' }.overdue")).isTrue();
        assertThat(after.getString("referrals.find { it.id == '" + overdue + "' }.recipientName")).isEqualTo("Infohus Fyn");
    }

    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    void anAnsweredCallWithoutAFinishedLogCountsAsUnloggedOnceItIsOldEnough() {
        int before = board().getInt("unloggedCalls");
        Instant twoHoursAgo = Instant.now().minusSeconds(7200);
        insertCall(UUID.randomUUID() + "-u", "ENDED", twoHoursAgo, twoHoursAgo.plusSeconds(300));

        assertThat(board().getInt("unloggedCalls")).isEqualTo(before + 1);
    }

    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    void thePageShowsTheBoardInDanishAndTheStreamSendsItAgain() {
        board(); // a board built from this test's stand-ins, not one kept from the test before
        String html = given().get("/tavle").then().statusCode(200).extract().asString();
        assertThat(html).contains("<html lang=\"da\">").contains("Køerne lige nu").contains("sse-connect=\"/tavle/strom\"")
                .contains("data-testid=\"waiting-0\">2<").contains("1:35")
                .contains("data-testid=\"paused-reasons-0\">Pause 1, Efterbehandling 2<")
                .contains("data-testid=\"paused-reasons-1\">–<");

        try (AdvisorEventStream stream = new AdvisorEventStream(URI.create("http://localhost:" + port + "/tavle/strom"))) {
            await().atMost(Duration.ofSeconds(90)).until(() -> String.join("\n", stream.data())
                    .contains("data-testid=\"waiting-0\">2<"));
            assertThat(String.join("\n", stream.data())).contains("Køerne lige nu").doesNotContain("<html");
        }
    }

    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    void todaysCallbacksAreCountedInDanishNeverWithANumber() {
        JsonPath before = board();
        Instant now = Instant.now();
        UUID made = UUID.randomUUID();
        OnVertx.await(() -> pool.preparedQuery("INSERT INTO callback_request (id, call_id, line, site, state, requested_at, "
                + "closed_at) VALUES ($1, $2, 'NATIONAL', 'AARHUS', 'MADE', $3, $3)")
                .execute(Tuple.of(made, "board-cb-" + made, now.atOffset(ZoneOffset.UTC))));
        insertCall(UUID.randomUUID() + "-abandoned", "ABANDONED", now, null);

        JsonPath after = board();
        assertThat(after.getLong("callbacks.requested")).isEqualTo(before.getLong("callbacks.requested") + 1);
        assertThat(after.getLong("callbacks.made")).isEqualTo(before.getLong("callbacks.made") + 1);
        assertThat(after.getLong("callbacks.notMade")).isEqualTo(before.getLong("callbacks.notMade"));
        assertThat(after.getLong("callbacks.abandonedWithoutRequest"))
                .isEqualTo(before.getLong("callbacks.abandonedWithoutRequest") + 1);
        String html = given().get("/tavle").then().statusCode(200).extract().asString();
        assertThat(html).contains("Tilbagekald i dag").contains("Ønsket tilbagekald").contains("Ringet tilbage")
                .contains("Ikke ringet tilbage før lukketid").contains("Lagt på i kø uden ønske om tilbagekald")
                .contains("data-testid=\"callbacks-made\">" + after.getLong("callbacks.made") + "<");
    }

    @Test
    @TestSecurity(user = "ada", roles = "advisor")
    void advisorsDoNotSeeTheBoard() {
        given().get("/api/supervisor/board").then().statusCode(403);
        given().get("/tavle").then().statusCode(403);
    }

    private void insertCall(String callId, String state, Instant offered, Instant connected) {
        var t = Tuple.tuple().addValue(callId).addValue(state).addValue(offered.atOffset(ZoneOffset.UTC))
                .addValue(connected == null ? null : connected.atOffset(ZoneOffset.UTC));
        OnVertx.await(() -> pool.preparedQuery("""
                INSERT INTO call_record (call_id, state, line, site, offered_at, connected_at, last_event_at, updated_at)
                VALUES ($1, $2, 'NATIONAL', 'AARHUS', $3, $4, $3, $3)""").execute(t));
    }

    private UUID insertReferral(Instant created, Instant deadline, String status) {
        UUID contact = UUID.randomUUID();
        UUID referral = UUID.randomUUID();
        OnVertx.await(() -> pool.preparedQuery("""
                INSERT INTO contact (id, channel, line, site, status, created_at, updated_at, finalised_at)
                VALUES ($1, 'PHONE_OUTSIDE_SYSTEM', 'NATIONAL', 'AARHUS', 'FINAL', $2, $2, $2)""")
                .execute(Tuple.of(contact, created.atOffset(ZoneOffset.UTC))));
        OnVertx.await(() -> pool.preparedQuery("""
                INSERT INTO referral (id, contact_id, line, site, severity, acute, created_at, deadline_at,
                                      municipality_code, age_band, legal_basis)
                VALUES ($1, $2, 'NATIONAL', 'AARHUS', 'HIGH', false, $3, $4, '461', 'AGE_25_PLUS', 'ANONYMOUS')""")
                .execute(Tuple.of(referral, contact, created.atOffset(ZoneOffset.UTC), deadline.atOffset(ZoneOffset.UTC))));
        OnVertx.await(() -> pool.preparedQuery("""
                INSERT INTO referral_status (event_id, referral_id, status, recipient_id, recipient_name, occurred_at,
                                             deadline_at, received_at)
                VALUES ($1, $2, $3, 'infohus-fyn', 'Infohus Fyn', $4, $5, $4)""")
                .execute(Tuple.of("board-" + referral, referral, status, created.plusSeconds(60).atOffset(ZoneOffset.UTC),
                        deadline.atOffset(ZoneOffset.UTC))));
        return referral;
    }
}
