package dk.hotline.core.rotation.feed;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import dk.hotline.core.support.OnVertx;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

/** The iCalendar feed behind a revocable per-person token, parsed back with biweekly. */
@QuarkusTest
class CalendarFeedTest {

    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

    @Inject
    FeedTokens tokens;

    private static String issue() {
        return given().post("/api/rotation/feed-tokens").then().statusCode(201).extract().path("token");
    }

    private static String feed(String token, String line) {
        return given().auth().none().get("/kalender/" + token + "/" + line + ".ics").then().statusCode(200)
                .contentType(containsCalendar()).extract().asString();
    }

    private static org.hamcrest.Matcher<String> containsCalendar() {
        return org.hamcrest.Matchers.startsWith("text/calendar");
    }

    private static long version() {
        return Long.parseLong(given().get("/api/rotation").then().statusCode(200).extract().header("ETag").replace("\"", ""));
    }

    @Test
    @TestSecurity(user = "rita", roles = "rotation-admin")
    void theFeedShowsDutyMonthsHolidaysAndAnOverrideAddedForNextMonth() {
        String token = issue();
        YearMonth next = YearMonth.now(CPH).plusMonths(1);
        LocalDateTime from = next.atDay(10).atTime(8, 0);
        String location = given().contentType(ContentType.JSON).header("If-Match", "\"" + version() + "\"")
                .body("{\"from\":\"" + from.atZone(CPH).toOffsetDateTime() + "\",\"to\":\"" + from.plusHours(4).atZone(CPH).toOffsetDateTime()
                        + "\",\"site\":\"AARHUS\",\"reason\":\"Kursus i København\"}")
                .post("/api/rotation/overrides?dryRun=false").then().statusCode(201).extract().header("Location");
        try {
            ICalendar ical = Biweekly.parse(feed(token, "NATIONAL")).first();
            assertThat(ical).as("the feed parses as iCalendar").isNotNull();
            assertThat(ical.getProductId().getValue()).contains("Hotline");
            List<VEvent> events = ical.getEvents();
            VEvent override = events.stream().filter(e -> e.getSummary().getValue().equals("Vagt: Aarhus (undtagelse)"))
                    .findFirst().orElseThrow();
            assertThat(override.getDateStart().getValue().toInstant()).isEqualTo(from.atZone(CPH).toInstant());
            assertThat(override.getDateEnd().getValue().toInstant()).isEqualTo(from.plusHours(4).atZone(CPH).toInstant());
            assertThat(events).extracting(e -> e.getSummary().getValue()).contains("Vagt: Aarhus", "Vagt: København");
            VEvent duty = events.stream().filter(e -> e.getSummary().getValue().startsWith("Vagt: ")
                    && !e.getSummary().getValue().contains("undtagelse")).findFirst().orElseThrow();
            assertThat(duty.getDateStart().getValue().toInstant().atZone(CPH).toLocalTime())
                    .as("duty months hand over at local midnight").isEqualTo(java.time.LocalTime.MIDNIGHT);
            assertThat(events).extracting(e -> e.getUid().getValue()).doesNotHaveDuplicates();
        } finally {
            given().header("If-Match", "\"" + version() + "\"").delete(location).then().statusCode(200);
        }
    }

    @Test
    @TestSecurity(user = "rita", roles = "rotation-admin")
    void publicHolidaysAreAllDayEventsOnTheirDanishDate() {
        String token = issue();
        ICalendar ical = Biweekly.parse(feed(token, "COPENHAGEN_LOCAL")).first();
        LocalDate today = LocalDate.now(CPH);
        int year = today.getMonthValue() == 12 ? today.getYear() + 1 : today.getYear();
        LocalDate christmas = LocalDate.of(year, 12, 25);
        VEvent juledag = ical.getEvents().stream().filter(e -> e.getSummary().getValue().startsWith("Helligdag: Juledag"))
                .filter(e -> e.getDateStart().getValue().getRawComponents().getYear() == year).findFirst().orElseThrow();
        assertThat(juledag.getDateStart().getValue().hasTime()).isFalse();
        var raw = juledag.getDateStart().getValue().getRawComponents();
        assertThat(LocalDate.of(raw.getYear(), raw.getMonth(), raw.getDate())).isEqualTo(christmas);
        assertThat(ical.getEvents()).extracting(e -> e.getSummary().getValue()).allMatch(s -> !s.startsWith("Vagt: Aarhus"),
                "Copenhagen's local line is always Copenhagen");
    }

    @Test
    @TestSecurity(user = "rita", roles = "rotation-admin")
    void aRevokedOrUnknownTokenGetsNothingAndTheListNeverShowsTokens() {
        String id = given().post("/api/rotation/feed-tokens").then().statusCode(201).extract().path("id");
        String list = given().get("/api/rotation/feed-tokens").then().statusCode(200).body("id", hasItem(id)).extract().asString();
        assertThat(list).as("the list never shows a token").doesNotContain("\"token\"");
        String live = issue();
        feed(live, "NATIONAL");
        String liveId = given().get("/api/rotation/feed-tokens").then().extract().path("[0].id");
        given().delete("/api/rotation/feed-tokens/" + liveId).then().statusCode(200);
        given().auth().none().get("/kalender/" + live + "/NATIONAL.ics").then().statusCode(404);
        given().auth().none().get("/kalender/not-a-real-token-0123456789abcdef/NATIONAL.ics").then().statusCode(404);
        given().auth().none().get("/kalender/" + issue() + "/MOON.ics").then().statusCode(400).body("errors.field", hasItem("line"));
        given().delete("/api/rotation/feed-tokens/nope").then().statusCode(400).body("errors.field", hasItem("id"));
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    void anotherPersonCannotRevokeSomeoneElsesLink() {
        FeedTokens.Issued ritas = OnVertx.await(() -> tokens.issue("rita"));
        given().delete("/api/rotation/feed-tokens/" + ritas.id()).then().statusCode(404);
        given().auth().none().get("/kalender/" + ritas.token() + "/NATIONAL.ics").then().statusCode(200);
        given().get("/api/rotation/feed-tokens").then().body("id", org.hamcrest.Matchers.not(hasItem(ritas.id().toString())));
    }

    @Test
    void signingInIsNeededToCreateALink() {
        given().post("/api/rotation/feed-tokens").then().statusCode(401);
    }
}
