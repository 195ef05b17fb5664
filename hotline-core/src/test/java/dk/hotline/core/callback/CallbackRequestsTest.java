package dk.hotline.core.callback;

import dk.hotline.core.retention.RetentionJob;
import dk.hotline.core.support.OnVertx;
import dk.hotline.platform.crypto.FieldCipher;
import dk.hotline.platform.crypto.SealedColumn;
import dk.hotline.platform.crypto.SealedValueRefusedException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Callback requests through core's API as the telephony adapter uses it: recorded sealed to their row, claimed with
 * a lease by one adapter at a time, never handed out again once dialling, the number dropped when the callback is
 * made, the caller not reached, the line closed or the limit passed; only the service may call it; bad input is a
 * 400 naming the field with nothing stored. The test profile's lease is 2 s.
 */
@QuarkusTest
@TestSecurity(user = "service-account-telephony-adapter", roles = "service")
@OidcSecurity(claims = @Claim(key = "azp", value = "telephony-adapter"))
class CallbackRequestsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String NUMBER = "+4520313131";

    @Inject
    Pool pool;

    @Inject
    FieldCipher cipher;

    @Inject
    RetentionJob retention;

    @Inject
    CallbackFigures figures;

    @BeforeEach
    void empty() {
        OnVertx.await(() -> pool.query("DELETE FROM callback_request").execute());
    }

    private static String request(String callId, String line, String number) {
        return "{\"callId\":\"" + callId + "\",\"line\":\"" + line + "\",\"site\":\"AARHUS\",\"number\":\"" + number + "\"}";
    }

    private static String record(String callId, String line) {
        return given().contentType(ContentType.JSON).body(request(callId, line, NUMBER)).post("/api/callbacks")
                .then().statusCode(201).body(not(containsString("2031"))).extract().path("id");
    }

    private static ValidatableResponse claim(String line, String holder) {
        return given().contentType(ContentType.JSON).body("{\"line\":\"" + line + "\",\"holder\":\"" + holder + "\"}")
                .post("/api/callbacks/claim").then();
    }

    private static ValidatableResponse post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    private Row row(String id) {
        return OnVertx.await(() -> pool.preparedQuery("SELECT * FROM callback_request WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(id)))).iterator().next();
    }

    private long count() {
        return OnVertx.await(() -> pool.query("SELECT count(*) AS n FROM callback_request").execute())
                .iterator().next().getLong("n");
    }

    @Test
    void theNumberIsStoredSealedToItsRowAndTheSameCallAskingTwiceKeepsOneRequest() {
        String id = record("1765100000.1", "NATIONAL");
        String stored = row(id).getString("caller_number");
        assertThat(stored).doesNotContain("20313131").startsWith(cipher.currentPrefix());
        assertThat(cipher.open(CallbackRequests.NUMBER, UUID.fromString(id), stored)).isEqualTo(NUMBER);
        // Copied to another row or another column it does not open.
        assertThatThrownBy(() -> cipher.open(CallbackRequests.NUMBER, UUID.randomUUID(), stored))
                .isInstanceOf(SealedValueRefusedException.class);
        assertThatThrownBy(() -> cipher.open(new SealedColumn("callback_request", "id", "call_id"), UUID.fromString(id), stored))
                .isInstanceOf(SealedValueRefusedException.class);
        given().contentType(ContentType.JSON).body(request("1765100000.1", "NATIONAL", NUMBER)).post("/api/callbacks")
                .then().statusCode(200).body("id", equalTo(id));
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void badRequestsNameTheFieldAndStoreNothing() {
        post("/api/callbacks", "{}").statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("callId"));
        post("/api/callbacks", request("c-1", "NATIONAL", "anonymous")).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("number"));
        post("/api/callbacks", request("c-1", "NATIONAL", "")).statusCode(400).body("errors.field", hasItem("number"));
        post("/api/callbacks", request("c-1", "MARS", NUMBER)).statusCode(400).body("errors.field", hasItem("line"));
        post("/api/callbacks", request("c 1;", "NATIONAL", NUMBER)).statusCode(400).body("errors.field", hasItem("callId"));
        post("/api/callbacks", "{\"callId\":\"c-1\",\"line\":\"NATIONAL\",\"site\":\"AARHUS\",\"number\":\"1234\",\"name\":\"x\"}")
                .statusCode(400).contentType(PROBLEM);
        post("/api/callbacks/claim", "{\"line\":\"NATIONAL\"}").statusCode(400).body("errors.field", hasItem("holder"));
        post("/api/callbacks/claim", "{\"holder\":\"a\"}").statusCode(400).body("errors.field", hasItem("line"));
        post("/api/callbacks/not-a-uuid/dialling", "{\"holder\":\"a\"}").statusCode(400).body("errors.field", hasItem("id"));
        post("/api/callbacks/" + UUID.randomUUID() + "/outcome", "{\"holder\":\"a\",\"outcome\":\"MAYBE\"}")
                .statusCode(400).body("errors.field", hasItem("outcome"));
        post("/api/callbacks/close", "{}").statusCode(400).body("errors.field", hasItem("line"));
        assertThat(count()).isZero();
    }

    @Test
    @TestSecurity(user = "anna", roles = {"advisor", "supervisor", "rotation-admin"})
    void nobodyButTheServiceMayTouchCallbacks() {
        post("/api/callbacks", request("c-2", "NATIONAL", NUMBER)).statusCode(403);
        post("/api/callbacks/claim", "{\"line\":\"NATIONAL\",\"holder\":\"a\"}").statusCode(403);
        post("/api/callbacks/close", "{\"line\":\"NATIONAL\"}").statusCode(403);
        assertThat(count()).isZero();
    }

    @Test
    @TestSecurity(user = "service-account-routing", roles = "service")
    @OidcSecurity(claims = @Claim(key = "azp", value = "routing"))
    void anotherServiceIsRefusedBeforeItsFieldsAreCheckedAndTheRefusalIsAudited() {
        String someRequest = UUID.randomUUID().toString();
        // Counted, not "id above the last one": audit ids come in blocks per instance (V92), so they do not follow time.
        long before = routingRefusals();
        post("/api/callbacks", request("c-3", "NATIONAL", NUMBER)).statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("telephony adapter"));
        // An incomplete body would be a 400 naming the field for the adapter: refused first, nothing learnt.
        post("/api/callbacks/claim", "{}").statusCode(403).contentType(PROBLEM);
        post("/api/callbacks/" + someRequest + "/dialling", "{}").statusCode(403).contentType(PROBLEM);
        post("/api/callbacks/" + someRequest + "/outcome", "{}").statusCode(403).contentType(PROBLEM);
        post("/api/callbacks/close", "{\"line\":\"NATIONAL\"}").statusCode(403).contentType(PROBLEM);
        assertThat(count()).isZero();
        assertThat(routingRefusals() - before).isEqualTo(5);
        long onTheRequest = OnVertx.await(() -> pool.preparedQuery("SELECT count(*) AS n FROM audit_entry WHERE "
                + "action = 'REFUSED' AND record_id = $1").execute(Tuple.of(someRequest))).iterator().next().getLong("n");
        assertThat(onTheRequest).isEqualTo(2);
    }

    private long routingRefusals() {
        return OnVertx.await(() -> pool.query("SELECT count(*) AS n FROM audit_entry WHERE record_type = "
                + "'callback_request' AND actor = 'service-account-routing' AND action = 'REFUSED' "
                + "AND reason LIKE '%client routing%'").execute()).iterator().next().getLong("n");
    }

    @Test
    void oneAdapterAtATimeHoldsARequestAndItIsNeverHandedOutAgainOnceDialling() {
        String older = record("c-older", "NATIONAL");
        String newer = record("c-newer", "NATIONAL");
        record("c-local", "COPENHAGEN_LOCAL");
        claim("NATIONAL", "adapter-a").statusCode(200).body("id", equalTo(older)).body("number", equalTo(NUMBER))
                .body("callId", equalTo("c-older")).body("site", equalTo("AARHUS"));
        claim("NATIONAL", "adapter-b").statusCode(200).body("id", equalTo(newer));
        claim("NATIONAL", "adapter-c").statusCode(204);
        // adapter-a lets its lease run out (as if it died before dialling): another adapter may take the request.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                claim("NATIONAL", "adapter-c").statusCode(200).body("id", equalTo(older)));
        post("/api/callbacks/" + older + "/dialling", "{\"holder\":\"adapter-a\"}").statusCode(409).contentType(PROBLEM);
        post("/api/callbacks/" + older + "/dialling", "{\"holder\":\"adapter-c\"}").statusCode(204);
        // Dialling: no lease runs out any more, nobody gets it again (at most one call per request).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                claim("NATIONAL", "adapter-d").statusCode(200).body("id", equalTo(newer)));  // adapter-b's lease ran out
        claim("NATIONAL", "adapter-e").statusCode(204);  // the dialling one, though its claim is long past, is not
        assertThat(row(older).getString("state")).isEqualTo("DIALLING");
        assertThat(row(older).getString("holder")).isEqualTo("adapter-c");

        post("/api/callbacks/" + older + "/outcome", "{\"holder\":\"adapter-b\",\"outcome\":\"MADE\"}").statusCode(409);
        post("/api/callbacks/" + older + "/outcome", "{\"holder\":\"adapter-c\",\"outcome\":\"MADE\"}").statusCode(204);
        Row made = row(older);
        assertThat(made.getString("state")).isEqualTo("MADE");
        assertThat(made.getString("caller_number")).isNull();
        assertThat(made.getOffsetDateTime("closed_at")).isNotNull();
        post("/api/callbacks/" + older + "/outcome", "{\"holder\":\"adapter-c\",\"outcome\":\"MADE\"}").statusCode(409);
    }

    @Test
    void anAdvisorNotReachedHandsTheRequestOutAgainACallerNotReachedDropsTheNumber() {
        String id = record("c-retry", "NATIONAL");
        claim("NATIONAL", "adapter-a").statusCode(200).body("id", equalTo(id));
        post("/api/callbacks/" + id + "/dialling", "{\"holder\":\"adapter-a\"}").statusCode(204);
        post("/api/callbacks/" + id + "/outcome", "{\"holder\":\"adapter-a\",\"outcome\":\"ADVISOR_NOT_REACHED\"}").statusCode(204);
        assertThat(row(id).getString("state")).isEqualTo("REQUESTED");
        assertThat(row(id).getString("caller_number")).isNotNull();
        claim("NATIONAL", "adapter-b").statusCode(200).body("id", equalTo(id)).body("number", equalTo(NUMBER));
        post("/api/callbacks/" + id + "/dialling", "{\"holder\":\"adapter-b\"}").statusCode(204);
        post("/api/callbacks/" + id + "/outcome", "{\"holder\":\"adapter-b\",\"outcome\":\"CALLER_NOT_REACHED\"}").statusCode(204);
        assertThat(row(id).getString("state")).isEqualTo("NOT_REACHED");
        assertThat(row(id).getString("caller_number")).isNull();
    }

    @Test
    void closingTheLineGivesUpItsCallbacksNotYetDialledAndTheBoardCountsThem() {
        String waiting = record("c-wait", "NATIONAL");
        String dialling = record("c-dial", "NATIONAL");
        String made = record("c-made", "NATIONAL");
        String local = record("c-loc", "COPENHAGEN_LOCAL");
        claim("NATIONAL", "a").body("id", equalTo(waiting));
        claim("NATIONAL", "a").body("id", equalTo(dialling));
        claim("NATIONAL", "a").body("id", equalTo(made));
        post("/api/callbacks/" + dialling + "/dialling", "{\"holder\":\"a\"}").statusCode(204);
        post("/api/callbacks/" + made + "/dialling", "{\"holder\":\"a\"}").statusCode(204);
        post("/api/callbacks/" + made + "/outcome", "{\"holder\":\"a\",\"outcome\":\"MADE\"}").statusCode(204);
        // An abandoned call with no callback request, and one with (the caller pressed 1, then the PBX hung up).
        Instant now = Instant.now();
        for (String call : new String[] {"abandoned-plain-" + UUID.randomUUID(), "c-wait"}) {
            OnVertx.await(() -> pool.preparedQuery("INSERT INTO call_record (call_id, state, line, site, offered_at, "
                    + "last_event_at, updated_at) VALUES ($1, 'ABANDONED', 'NATIONAL', 'AARHUS', $2, $2, $2) "
                    + "ON CONFLICT (call_id) DO NOTHING").execute(Tuple.of(call, now.atOffset(ZoneOffset.UTC))));
        }
        CallbackFigures.CallbacksToday before = OnVertx.await(figures::today);

        post("/api/callbacks/close", "{\"line\":\"NATIONAL\"}").statusCode(200).body("closed", equalTo(1));
        assertThat(row(waiting).getString("state")).isEqualTo("NOT_MADE");
        assertThat(row(waiting).getString("caller_number")).isNull();
        assertThat(row(dialling).getString("state")).isEqualTo("DIALLING");
        assertThat(row(local).getString("state")).isEqualTo("REQUESTED");

        CallbackFigures.CallbacksToday after = OnVertx.await(figures::today);
        assertThat(after.requested()).isEqualTo(4);
        assertThat(after.made()).isEqualTo(1);
        assertThat(after.notMade()).isEqualTo(before.notMade() + 1);
        assertThat(after.abandonedWithoutRequest()).isGreaterThanOrEqualTo(1);
        long plainAbandoned = OnVertx.await(() -> pool.query("SELECT count(*) AS n FROM call_record r WHERE r.state = 'ABANDONED' "
                + "AND r.offered_at >= date_trunc('day', now() AT TIME ZONE 'Europe/Copenhagen') AT TIME ZONE 'Europe/Copenhagen' "
                + "AND r.call_id NOT IN (SELECT call_id FROM callback_request)").execute()).iterator().next().getLong("n");
        assertThat(after.abandonedWithoutRequest()).isEqualTo(plainAbandoned);
    }

    @Test
    void theRetentionLimitDropsNumbersStillHeldAndCountsThemNotMade() {
        String open = record("c-limit", "NATIONAL");
        String dialling = record("c-limit-dial", "NATIONAL");
        claim("NATIONAL", "a").body("id", equalTo(open));
        claim("NATIONAL", "a").body("id", equalTo(dialling));
        post("/api/callbacks/" + dialling + "/dialling", "{\"holder\":\"a\"}").statusCode(204);
        OnVertx.await(() -> retention.run(Instant.now().plus(Duration.ofHours(11))));
        assertThat(row(open).getString("caller_number")).isNotNull();
        var done = OnVertx.await(() -> retention.run(Instant.now().plus(Duration.ofHours(13))));
        assertThat(done.get("callback numbers dropped")).isEqualTo(2);
        for (String id : new String[] {open, dialling}) {
            assertThat(row(id).getString("caller_number")).isNull();
            assertThat(row(id).getString("state")).isEqualTo("EXPIRED");
        }
        long audited = OnVertx.await(() -> pool.preparedQuery("SELECT count(*) AS n FROM audit_entry WHERE record_type = "
                + "'callback_request' AND record_id = $1 AND actor = 'system:retention' AND action = 'DELETE'")
                .execute(Tuple.of(open))).iterator().next().getLong("n");
        assertThat(audited).isEqualTo(1);
        claim("NATIONAL", "b").statusCode(204);
    }
}
