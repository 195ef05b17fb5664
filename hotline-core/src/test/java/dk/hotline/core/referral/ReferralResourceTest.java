package dk.hotline.core.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.core.outbox.OutboxEvent;
import dk.hotline.core.support.KafkaTopicReader;
import dk.hotline.core.support.OnVertx;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Referrals from finalised logs: one per log, with their event in the same transaction, and every bad input refused. */
@QuarkusTest
@TestSecurity(user = "anna", roles = "advisor")
@OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
class ReferralResourceTest {

    static final String PROBLEM = "application/problem+json";
    static final String LOG = """
            {"callerRole":"RELATIVE","concernCategory":"MILITANT_ISLAMISM","ageBand":"AGE_15_17","municipalityCode":"461",
             "adviceThemes":["SIGNS_OF_RADICALISATION"],"summary":"Father worried about his son.","outcome":"REFERRAL"}""";
    static final String REFERRAL = """
            {"severity":"HIGH","legalBasis":"CONSENT","description":"Son (16) withdrawn, new contacts online.",
             "callerContact":{"name":"Jens Jensen","phone":"+45 12 34 56 78"}}""";

    @ConfigProperty(name = "hotline.referrals.topic")
    String topic;

    final ObjectMapper json = new ObjectMapper();

    @jakarta.inject.Inject
    dk.hotline.platform.events.EventFieldCipher eventFields;

    @Test
    void finaliseAndReferInOneRequestWritesTheEventWithTheReferral() throws Exception {
        String id = draft(LOG);
        String body = given().contentType(ContentType.JSON).body("{\"referral\":" + REFERRAL + "}")
                .post("/api/contacts/" + id + "/finalise").then().statusCode(200)
                .body("status", equalTo("FINAL"))
                .body("referral.severity", equalTo("HIGH"))
                .body("referral.municipalityCode", equalTo("461"))
                .body("referral.ageBand", equalTo("AGE_15_17"))
                .body("referral.site", equalTo("AARHUS"))
                .extract().asString();
        JsonNode referral = json.readTree(body).get("referral");
        String referralId = referral.get("id").asText();
        Instant created = Instant.parse(referral.get("createdAt").asText());
        Instant deadline = Instant.parse(referral.get("deadlineAt").asText());
        assertThat(Duration.between(created, deadline)).isEqualTo(Duration.ofHours(24)); // HIGH: 24 elapsed hours

        ConsumerRecord<String, String> record = only(referralId);
        assertThat(record.key()).isEqualTo(referralId);
        assertThat(KafkaTopicReader.ceHeaders(record)).containsEntry("ce_type", "dk.hotline.referral.created.v1")
                .containsEntry("ce_subject", referralId);
        // Producer side of the contract routing consumes.
        assertThat(dk.hotline.contracts.Contract.REFERRAL_CREATED_V1.violations(record.value())).isEmpty();
        JsonNode event = json.readTree(record.value());
        assertThat(event.get("referralId").asText()).isEqualTo(referralId);
        assertThat(event.get("contactId").asText()).isEqualTo(id);
        assertThat(event.get("line").asText()).isEqualTo("NATIONAL");
        assertThat(event.get("handledBySite").asText()).isEqualTo("AARHUS");
        assertThat(event.get("concernCategory").asText()).isEqualTo("MILITANT_ISLAMISM");
        assertThat(event.get("legalBasis").asText()).isEqualTo("CONSENT");
        assertThat(event.get("callerContact").get("name").asText()).doesNotContain("Jens");
        assertThat(eventFields.open("referral_created", "caller_name", referralId, event.get("callerContact").get("name").asText()))
                .isEqualTo("Jens Jensen");
        assertThat(Instant.parse(event.get("deadlineAt").asText())).isEqualTo(deadline);
        assertThat(event.fieldNames()).toIterable().containsExactlyInAnyOrder("referralId", "contactId", "line", "handledBySite",
                "severity", "createdAt", "deadlineAt", "municipalityCode", "ageBand", "concernCategory", "legalBasis",
                "description", "callerContact");
    }

    @Test
    void christiansoeIsReferredWithItsCodeOnAValidEvent() throws Exception {
        // 411 is a territory, not a municipality; the shared reference data lets core accept what routing routes.
        String id = finalised(LOG.replace("\"461\"", "\"0411\""));
        String referralId = refer(id, REFERRAL, null).statusCode(201).body("municipalityCode", equalTo("411"))
                .extract().path("id");
        String payload = only(referralId).value();
        assertThat(json.readTree(payload).get("municipalityCode").asText()).isEqualTo("411");
        assertThat(dk.hotline.contracts.Contract.REFERRAL_CREATED_V1.violations(payload)).isEmpty();
    }

    @Test
    void secondReferralForTheSameLogIs409AndChangesNothing() {
        String id = finalised(LOG);
        String first = refer(id, REFERRAL, null).statusCode(201).extract().path("id");
        refer(id, REFERRAL, null).statusCode(409).contentType(PROBLEM).body("type", equalTo("https://hotline.dk/problems/duplicate-referral"));
        assertThat(eventsFor(id)).hasSize(1);
        given().get("/api/contacts/" + id).then().body("referral.id", equalTo(first));
    }

    @Test
    void racingDoubleClicksMakeOneReferralAndTheOthersGet409() {
        String id = finalised(LOG);
        List<Integer> statuses = race(6, () -> refer(id, REFERRAL, null).extract().statusCode());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(eventsFor(id)).hasSize(1);
    }

    @Test
    void racingRequestsWithOneIdempotencyKeyAllAnswerTheSameReferral() {
        String id = finalised(LOG);
        String key = UUID.randomUUID().toString();
        List<String> ids = race(6, () -> refer(id, REFERRAL, key).extract().<String>path("id"));
        assertThat(ids).doesNotContainNull().containsOnly(ids.get(0));
        assertThat(eventsFor(id)).hasSize(1);
    }

    @Test
    void sameIdempotencyKeyAnswersTheFirstReferralAgain() {
        String id = finalised(LOG);
        String key = UUID.randomUUID().toString();
        String first = refer(id, REFERRAL, key).statusCode(201).extract().path("id");
        refer(id, REFERRAL, key).statusCode(200).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        String other = finalised(LOG);
        refer(other, REFERRAL, key).statusCode(409).body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(eventsFor(id)).hasSize(1);
        assertThat(eventsFor(other)).isEmpty();
    }

    @Test
    void acuteIsDueAtOnceAndAnonymousCarriesNoContactDetails() {
        String id = finalised(LOG.replace("\"REFERRAL\"", "\"ADVISED_TO_CALL_112\""));
        refer(id, """
                {"severity":"ACUTE","legalBasis":"ANONYMOUS","description":"Threat of violence today; caller told to ring 112."}""", null)
                .statusCode(201).body("acute", equalTo(true)).body("callerContact", nullValue())
                .body("deadlineAt", notNullValue());
        Referral stored = OnVertx.await(() -> Panache.withSession(() -> Referral.<Referral>find("contactId", UUID.fromString(id)).firstResult()));
        assertThat(stored.deadlineAt).isEqualTo(stored.createdAt);
        assertThat(stored.acute).isTrue();
    }

    @Test
    void badReferralsNameTheFieldAndLeaveNoReferralNorEvent() {
        String id = finalised(LOG);
        refer(id, "{\"severity\":\"HIGH\",\"description\":\"x\"}", null).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("legalBasis"));
        refer(id, "{\"severity\":\"URGENT\",\"legalBasis\":\"CONSENT\",\"description\":\"x\"}", null).statusCode(400)
                .body("errors[0].field", equalTo("severity"));
        refer(id, """
                {"severity":"HIGH","legalBasis":"AJA_115","description":"x","callerContact":{"name":"Jens"}}""", null)
                .statusCode(422).body("errors[0].field", equalTo("callerContact"));
        refer(id, "{\"severity\":\"HIGH\",\"legalBasis\":\"ANONYMOUS\",\"description\":\"x\",\"municipalityCode\":\"000\"}", null)
                .statusCode(422).body("errors[0].field", equalTo("municipalityCode"));
        refer(id, "{\"severity\":\"HIGH\",\"legalBasis\":\"ANONYMOUS\",\"description\":\"" + "y".repeat(4001) + "\"}", null)
                .statusCode(400).body("errors[0].field", equalTo("description"));
        refer(id, "{\"severity\":\"HIGH\",\"legalBasis\":\"CONSENT\",\"description\":\"x\",\"callerContact\":{\"email\":\"not-an-address\"}}", null)
                .statusCode(400).body("errors[0].field", equalTo("callerContact.email"));
        assertThat(eventsFor(id)).isEmpty();
        given().get("/api/contacts/" + id).then().body("referral", nullValue());
    }

    @Test
    void theFourDigitMunicipalityCodeIsReferredAsItsThreeDigits() {
        String id = finalised(LOG);
        refer(id, "{\"severity\":\"LOW\",\"legalBasis\":\"ANONYMOUS\",\"description\":\"x\",\"municipalityCode\":\"0751\"}", null)
                .statusCode(201).body("municipalityCode", equalTo("751"));
    }

    @Test
    void municipalityIsRequiredOnTheNationalLine() {
        String national = finalised(LOG.replace(",\"municipalityCode\":\"461\"", ""));
        refer(national, "{\"severity\":\"LOW\",\"legalBasis\":\"ANONYMOUS\",\"description\":\"x\"}", null)
                .statusCode(422).body("errors[0].field", equalTo("municipalityCode"));
    }

    @Test
    @TestSecurity(user = "carl", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "COPENHAGEN"), @Claim(key = "endpoint", value = "advisor-cph-1"),
            @Claim(key = "line", value = "COPENHAGEN_LOCAL")})
    void onCopenhagensLocalLineNoMunicipalityIsNeeded() {
        String local = given().contentType(ContentType.JSON).body("{\"channel\":\"PHONE_OUTSIDE_SYSTEM\"}")
                .post("/api/contacts").then().statusCode(201).body("line", equalTo("COPENHAGEN_LOCAL")).extract().path("id");
        patch(local, LOG.replace(",\"municipalityCode\":\"461\"", ""));
        given().contentType(ContentType.JSON).post("/api/contacts/" + local + "/finalise").then().statusCode(200);
        refer(local, "{\"severity\":\"LOW\",\"legalBasis\":\"ANONYMOUS\",\"description\":\"x\"}", null)
                .statusCode(201).body("municipalityCode", nullValue()).body("line", equalTo("COPENHAGEN_LOCAL"));
    }

    @Test
    void draftsAndLogsWithoutAReferralOutcomeCannotBeHandedOn() {
        String draft = draft(LOG);
        refer(draft, REFERRAL, null).statusCode(409).body("errors[0].field", equalTo("status"));
        String adviceOnly = finalised(LOG.replace("\"REFERRAL\"", "\"ADVICE_ONLY\""));
        refer(adviceOnly, REFERRAL, null).statusCode(422).body("errors[0].field", equalTo("outcome"));
        // A referral that fails inside finalise leaves the log a draft.
        given().contentType(ContentType.JSON).body("{\"referral\":{\"severity\":\"HIGH\",\"legalBasis\":\"ANONYMOUS\",\"description\":\"x\",\"municipalityCode\":\"999\"}}")
                .post("/api/contacts/" + draft + "/finalise").then().statusCode(422);
        given().get("/api/contacts/" + draft).then().body("status", equalTo("DRAFT"));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    static String draft(String log) {
        String id = given().contentType(ContentType.JSON).body("{\"channel\":\"PHONE_OUTSIDE_SYSTEM\"}")
                .post("/api/contacts").then().statusCode(201).extract().path("id");
        patch(id, log);
        return id;
    }

    static void patch(String id, String log) {
        given().contentType(ContentType.JSON).body(log).patch("/api/contacts/" + id).then().statusCode(200);
    }

    static String finalised(String log) {
        String id = draft(log);
        given().contentType(ContentType.JSON).post("/api/contacts/" + id + "/finalise").then().statusCode(200);
        return id;
    }

    static ValidatableResponse refer(String contactId, String body, String key) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/contacts/" + contactId + "/referral").then();
    }

    static <T> List<T> race(int n, java.util.concurrent.Callable<T> request) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<T>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<T> results = new java.util.ArrayList<>();
            for (var f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    /** Outbox rows for the referral of this contact (the event is written with the row, or not at all). */
    static List<OutboxEvent> eventsFor(String contactId) {
        return OnVertx.await(() -> Panache.withSession(() -> OutboxEvent.<OutboxEvent>list(
                "type = ?1 and payload like ?2", ReferralCreated.TYPE, "%\"contactId\":\"" + contactId + "\"%")));
    }

    private ConsumerRecord<String, String> only(String referralId) {
        try (KafkaTopicReader reader = new KafkaTopicReader(topic)) {
            AtomicReference<List<ConsumerRecord<String, String>>> seen = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                seen.set(reader.poll().stream().filter(r -> referralId.equals(r.key())).toList());
                return !seen.get().isEmpty();
            });
            return seen.get().get(0);
        }
    }
}
