package dk.hotline.core.rotation.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.core.support.KafkaTopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The rotation API on the real PostgreSQL and Kafka. Each test works in its own
 * stretch of the calendar, so tests that change the schedule do not disturb
 * each other.
 */
@QuarkusTest
class RotationResourceTest {

    private static final String PROBLEM = "application/problem+json";

    // ---- reads ----------------------------------------------------------------------------------

    @Test
    @TestSecurity(user = "advisor-aarhus", roles = "advisor")
    void nationalLineFollowsTheDefaultAlternationAndOpeningHours() {
        // 2026-03 is COPENHAGEN (anchor 2026-01 COPENHAGEN); Tuesday 10:00 local is open.
        onDuty("NATIONAL", "2026-03-10T10:00:00+01:00")
                .statusCode(200)
                .body("site", equalTo("COPENHAGEN"))
                .body("open", equalTo(true))
                .body("rule.site.kind", equalTo("PATTERN"))
                .body("rule.open.kind", equalTo("OPENING_HOURS"))
                .body("nextChangeAt", equalTo("2026-03-10T15:00:00+01:00"));
        onDuty("NATIONAL", "2026-04-07T10:00:00+02:00").statusCode(200).body("site", equalTo("AARHUS"));
    }

    @Test
    @TestSecurity(user = "advisor-aarhus", roles = "advisor")
    void closedOnGoodFridayAndSaysWhy() {
        onDuty("NATIONAL", "2027-03-26T10:00:00+01:00")
                .statusCode(200)
                .body("open", equalTo(false))
                .body("rule.open.kind", equalTo("HOLIDAY"));
    }

    @Test
    @TestSecurity(user = "svc", roles = "service")
    void copenhagenLocalLineIsAlwaysCopenhagen() {
        onDuty("COPENHAGEN_LOCAL", "2026-04-07T10:00:00+02:00")
                .statusCode(200)
                .body("site", equalTo("COPENHAGEN"))
                .body("rule.site.kind", equalTo("LOCAL_LINE"));
    }

    @Test
    @TestSecurity(user = "advisor-aarhus", roles = "advisor")
    void atTakesWhatAPersonPastesAnUnencodedPlusADanishLocalTimeOrZ() {
        String expected = "2026-04-07T10:00:00+02:00";
        for (String pasted : new String[]{"2026-04-07T10:00:00+02:00", "2026-04-07T10:00+02:00", "2026-04-07T10:00",
                "2026-04-07 10:00", "2026-04-07T08:00:00Z"}) {
            given().urlEncodingEnabled(false).get("/api/rotation/on-duty?line=COPENHAGEN_LOCAL&at=" + pasted.replace(" ", "%20"))
                    .then().statusCode(200).body("at", equalTo(expected));
        }
        given().queryParam("line", "NATIONAL").queryParam("at", "next tuesday").get("/api/rotation/on-duty")
                .then().statusCode(400).body("errors[0].field", equalTo("at"));
    }

    @Test
    @TestSecurity(user = "advisor-aarhus", roles = "advisor")
    void atDefaultsToNow() {
        given().queryParam("line", "NATIONAL").get("/api/rotation/on-duty")
                .then().statusCode(200).body("site", notNullValue()).body("at", notNullValue());
    }

    @Test
    @TestSecurity(user = "supervisor", roles = "supervisor")
    void calendarGivesEachDayItsSiteAndHours() {
        given().queryParam("line", "NATIONAL").queryParam("from", "2026-12-21").queryParam("to", "2026-12-27")
                .get("/api/rotation/calendar")
                .then().statusCode(200)
                .body("days.size()", equalTo(7))
                .body("days[0].sites", hasItem("AARHUS"))
                .body("days[0].open[0].from", equalTo("09:00:00"))
                .body("days[3].open.size()", equalTo(0)); // 24 December, closed by default
    }

    @Test
    @TestSecurity(user = "svc", roles = "service")
    void scheduleSnapshotCoversItsWindowWithContiguousSegments() {
        String raw = given().get("/api/rotation/schedule/NATIONAL").then().statusCode(200).extract().asString();
        // Producer side of the contract the adapter reads (rotation-schedule-snapshot.v1).
        assertThat(dk.hotline.contracts.Contract.ROTATION_SCHEDULE_SNAPSHOT_V1.violations(raw)).isEmpty();
        JsonNode body = json(raw);
        JsonNode segments = body.get("segments");
        assertThat(segments.size()).isGreaterThan(100);
        assertThat(segments.get(0).get("from").asText()).isEqualTo(java.time.OffsetDateTime.parse(body.get("validFrom").asText()).toInstant().toString());
        for (int i = 1; i < segments.size(); i++) {
            assertThat(segments.get(i).get("from").asText()).isEqualTo(segments.get(i - 1).get("to").asText());
        }
    }

    // ---- bad input: 400 naming the field --------------------------------------------------------

    @Test
    @TestSecurity(user = "advisor-aarhus", roles = "advisor")
    void unknownLineIsRejectedNamingTheField() {
        onDuty("EVERYWHERE", null).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("line"))
                .body("errors[0].message", containsString("NATIONAL"));
    }

    @Test
    @TestSecurity(user = "advisor-aarhus", roles = "advisor")
    void missingLineIsRejected() {
        given().get("/api/rotation/on-duty").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("line"));
    }

    @Test
    @TestSecurity(user = "advisor-aarhus", roles = "advisor")
    void malformedAtIsRejectedAndOneWithoutOffsetIsDanishTime() {
        onDuty("NATIONAL", "yesterday").statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("at"));
        onDuty("NATIONAL", "2026-03-01T10:00:00").statusCode(200).body("at", equalTo("2026-03-01T10:00:00+01:00"));
    }

    @Test
    @TestSecurity(user = "supervisor", roles = "supervisor")
    void calendarRejectsMalformedAndReversedRanges() {
        given().queryParam("line", "NATIONAL").queryParam("from", "2026-02-30").queryParam("to", "2026-03-01")
                .get("/api/rotation/calendar").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("line", "NATIONAL").queryParam("from", "2026-03-10").queryParam("to", "2026-03-01")
                .get("/api/rotation/calendar").then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    // ---- security -------------------------------------------------------------------------------

    @Test
    void withoutTokenEveryEndpointAnswers401() {
        given().queryParam("line", "NATIONAL").get("/api/rotation/on-duty").then().statusCode(401);
        given().get("/api/rotation").then().statusCode(401);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{}").put("/api/rotation/pattern").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "advisor-aarhus", roles = "advisor")
    void advisorMayReadButNotChangeTheRotation() {
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"anchorMonth\":\"2026-01\",\"anchorSite\":\"AARHUS\"}")
                .put("/api/rotation/pattern").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "advisor-aarhus", roles = "advisor")
    void answersCarrySecurityHeadersAndAreNeverCached() {
        onDuty("NATIONAL", null).statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("default-src 'none'"));
    }

    // ---- writes ---------------------------------------------------------------------------------

    @Test
    @TestSecurity(user = "rotation-admin", roles = "rotation-admin")
    void overrideCoversASiteThatCannotStaffAndIsPublishedOnKafka() {
        try (KafkaTopicReader reader = new KafkaTopicReader("hotline.rotation")) {
            long version = version();
            String location = given().contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                    .body("""
                            {"from":"2030-03-12T08:00:00+01:00","to":"2030-03-12T12:00:00+01:00",
                             "site":"AARHUS","reason":"Copenhagen staff at training"}""")
                    .post("/api/rotation/overrides")
                    .then().statusCode(201).header("ETag", "\"" + (version + 1) + "\"")
                    .extract().header("Location");
            assertThat(location).contains("/api/rotation/overrides/");

            // 2030-03 is COPENHAGEN by alternation; the override makes it AARHUS for the morning.
            onDuty("NATIONAL", "2030-03-12T10:00:00+01:00").statusCode(200)
                    .body("site", equalTo("AARHUS")).body("rule.site.kind", equalTo("OVERRIDE"))
                    .body("rule.site.explanation", containsString("training"));
            onDuty("NATIONAL", "2030-03-12T13:00:00+01:00").statusCode(200).body("site", equalTo("COPENHAGEN"));

            AtomicBoolean published = new AtomicBoolean();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                reader.poll().stream()
                        .filter(r -> "NATIONAL".equals(r.key()))
                        .filter(r -> json(r.value()).get("version").asLong() == version + 1)
                        .forEach(r -> {
                            assertThat(KafkaTopicReader.ceHeaders(r)).containsEntry("ce_type", "dk.hotline.rotation.schedule.v1");
                            assertThat(dk.hotline.contracts.Contract.ROTATION_SCHEDULE_V1.violations(r.value())).isEmpty();
                            published.set(true);
                        });
                return published.get();
            });

            given().get("/api/rotation/changes").then().statusCode(200)
                    .body("[0].changedBy", equalTo("rotation-admin"))
                    .body("[0].description", containsString("override added"))
                    .body("[0].versionAfter", equalTo((int) version + 1));

            given().header("If-Match", "\"" + (version + 1) + "\"").delete(location).then().statusCode(200);
            onDuty("NATIONAL", "2030-03-12T10:00:00+01:00").statusCode(200).body("site", equalTo("COPENHAGEN"));
        }
    }

    @Test
    @TestSecurity(user = "rotation-admin", roles = "rotation-admin")
    void monthAssignmentBeatsTheAlternation() {
        long version = version();
        given().contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body("{\"site\":\"AARHUS\",\"reason\":\"Copenhagen cannot staff May\"}")
                .put("/api/rotation/months/2032-05")
                .then().statusCode(200);
        onDuty("NATIONAL", "2032-05-04T10:00:00+02:00").statusCode(200)
                .body("site", equalTo("AARHUS")).body("rule.site.kind", equalTo("MONTH_ASSIGNMENT"));
    }

    @Test
    @TestSecurity(user = "rotation-admin", roles = "rotation-admin")
    void dryRunAnswersForTheProposedChangeAndSavesNothing() {
        long version = version();
        given().contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .queryParam("dryRun", "true").queryParam("at", "2033-06-14T10:00:00+02:00")
                .body("{\"date\":\"2033-06-14\",\"reason\":\"Staff day\"}")
                .post("/api/rotation/closures")
                .then().statusCode(200)
                .body("saved", equalTo(false))
                .body("onDuty[0].open", equalTo(false))
                .body("onDuty[0].rule.open.kind", equalTo("CLOSURE"));
        assertThat(version()).isEqualTo(version);
        onDuty("NATIONAL", "2033-06-14T10:00:00+02:00").statusCode(200).body("open", equalTo(true));
    }

    @Test
    @TestSecurity(user = "rotation-admin", roles = "rotation-admin")
    void staleVersionIsAConflictAndChangesNothing() {
        long version = version();
        given().contentType(ContentType.JSON).header("If-Match", "\"" + (version + 5) + "\"")
                .body("{\"date\":\"2034-02-01\",\"reason\":\"Late edit\"}")
                .post("/api/rotation/closures")
                .then().statusCode(409).contentType(PROBLEM).body("errors[0].field", equalTo("If-Match"));
        assertThat(version()).isEqualTo(version);
    }

    @Test
    @TestSecurity(user = "rotation-admin", roles = "rotation-admin")
    void writeWithoutIfMatchIsRefused() {
        given().contentType(ContentType.JSON).body("{\"date\":\"2034-02-02\",\"reason\":\"x\"}")
                .post("/api/rotation/closures").then().statusCode(428).body("errors[0].field", equalTo("If-Match"));
    }

    @Test
    @TestSecurity(user = "rotation-admin", roles = "rotation-admin")
    void badWritesNameTheFieldAndChangeNothing() {
        long version = version();
        String ifMatch = "\"" + version + "\"";
        // unknown site in the body
        given().contentType(ContentType.JSON).header("If-Match", ifMatch)
                .body("{\"site\":\"ODENSE\"}").put("/api/rotation/months/2035-01")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("site"));
        // month out of range in the path
        given().contentType(ContentType.JSON).header("If-Match", ifMatch)
                .body("{\"site\":\"AARHUS\"}").put("/api/rotation/months/2035-13")
                .then().statusCode(400).body("errors[0].field", equalTo("month"));
        // from after to
        given().contentType(ContentType.JSON).header("If-Match", ifMatch)
                .body("{\"from\":\"2035-03-12T12:00:00+01:00\",\"to\":\"2035-03-12T08:00:00+01:00\",\"site\":\"AARHUS\",\"reason\":\"x\"}")
                .post("/api/rotation/overrides")
                .then().statusCode(422).body("errors[0].field", containsString("overrides"));
        // malformed date
        given().contentType(ContentType.JSON).header("If-Match", ifMatch)
                .body("{\"from\":\"soon\",\"to\":\"2035-03-12T08:00:00+01:00\",\"site\":\"AARHUS\",\"reason\":\"x\"}")
                .post("/api/rotation/overrides")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        // missing required field
        given().contentType(ContentType.JSON).header("If-Match", ifMatch)
                .body("{\"date\":\"2035-04-01\"}").post("/api/rotation/closures")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        // not JSON at all
        given().contentType(ContentType.JSON).header("If-Match", ifMatch)
                .body("{not json").post("/api/rotation/closures")
                .then().statusCode(400).contentType(PROBLEM);
        // opening interval closing before it opens
        given().contentType(ContentType.JSON).header("If-Match", ifMatch)
                .body("{\"days\":{\"MONDAY\":[{\"opens\":\"15:00\",\"closes\":\"09:00\"}]}}")
                .put("/api/rotation/opening-hours/NATIONAL")
                .then().statusCode(422).contentType(PROBLEM);
        assertThat(version()).isEqualTo(version);
    }

    @Test
    @TestSecurity(user = "rotation-admin", roles = "rotation-admin")
    void overlappingOverridesAreRejected() {
        long version = version();
        given().contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body("{\"from\":\"2036-03-12T08:00:00+01:00\",\"to\":\"2036-03-12T12:00:00+01:00\",\"site\":\"AARHUS\",\"reason\":\"a\"}")
                .post("/api/rotation/overrides").then().statusCode(201);
        given().contentType(ContentType.JSON).header("If-Match", "\"" + (version + 1) + "\"")
                .body("{\"from\":\"2036-03-12T11:00:00+01:00\",\"to\":\"2036-03-12T14:00:00+01:00\",\"site\":\"COPENHAGEN\",\"reason\":\"b\"}")
                .post("/api/rotation/overrides").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].message", containsString("overlap"));
        assertThat(version()).isEqualTo(version + 1);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static ValidatableResponse onDuty(String line, String at) {
        var request = given().queryParam("line", line);
        if (at != null) {
            request = request.queryParam("at", at);
        }
        return request.get("/api/rotation/on-duty").then();
    }

    private static long version() {
        return Long.parseLong(given().get("/api/rotation").then().statusCode(200).extract().header("ETag").replace("\"", ""));
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
