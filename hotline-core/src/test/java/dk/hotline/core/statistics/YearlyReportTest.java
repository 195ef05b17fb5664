package dk.hotline.core.statistics;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The report over a generated year whose answers are known (see {@link GeneratedYear}). */
@QuarkusTest
class YearlyReportTest {

    static final int YEAR = 2035;
    private static boolean written;

    @Inject
    Pool pool;

    @BeforeEach
    void writeTheYearOnce() {
        if (!written) {
            new GeneratedYear(pool, YEAR).write();
            written = true;
        }
    }

    private JsonPath report(String query) {
        return given().when().get("/api/statistics/report?year=" + YEAR + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, String> cells(JsonPath json, String breakdown) {
        List<Map<String, Object>> cells = json.getList(breakdown + ".cells");
        return cells.stream().collect(Collectors.toMap(c -> (String) c.get("key"), c -> (String) c.get("shown"),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    void contactsAreCountedPerDanishMonthTheNewYearsNightOneInJanuaryAndTheNextYearsOneNot() {
        JsonPath r = report("");
        assertThat(cells(r, "contactsByMonth").values())
                .containsExactly("10", "20", "30", "40", "50", "60", "70", "80", "90", "100", "110", "120");
        assertThat(r.getString("contactsByMonth.totalShown")).isEqualTo("780");
        assertThat(r.getString("period.year")).isEqualTo("2035");
    }

    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    void kindsOfConcernSuppressTheSmallOnesAndTheNextSmallestSoTheTotalRevealsNothing() {
        Map<String, String> concern = cells(report(""), "concern");
        assertThat(concern).containsEntry("MILITANT_ISLAMISM", "400").containsEntry("RIGHT_WING_EXTREMISM", "300")
                .containsEntry("LEFT_WING_EXTREMISM", "<5").containsEntry("HYBRID", "<5")
                .containsEntry("NOT_RECORDED", "<5");
        JsonPath r = report("");
        assertThat(r.getString("concern.totalShown")).isEqualTo("780");
        List<Object> hiddenCounts = r.getList("concern.cells.findAll { it.shown == '<5' }.count");
        assertThat(hiddenCounts).as("a suppressed cell carries no count").containsOnlyNulls();
    }

    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    void callerRolesSectorsAgeBandsRegionsAndOutcomes() {
        JsonPath r = report("");
        assertThat(cells(r, "callerRole")).containsEntry("PROFESSIONAL", "260").containsEntry("RELATIVE", "260")
                .containsEntry("PRIVATE_CITIZEN", "260");
        assertThat(cells(r, "sector")).containsEntry("SCHOOL", "130").containsEntry("POLICE", "130")
                .containsEntry("PSYCHIATRY", "<5");
        assertThat(r.getString("sector.totalShown")).as("sectors count professionals only").isEqualTo("260");
        assertThat(cells(r, "ageBand")).containsEntry("UNDER_15", "<5").containsEntry("AGE_15_17", "<5")
                .containsEntry("AGE_25_PLUS", "770");
        assertThat(cells(r, "region")).containsExactly(Map.entry("Region Midtjylland", "390"), Map.entry("Region Syddanmark", "390"));
        assertThat(cells(r, "outcome")).containsEntry("ADVICE_ONLY", "700").containsEntry("REFERRAL", "80");
        assertThat(cells(r, "referralsBySeverity")).containsEntry("HIGH", "40").containsEntry("MEDIUM", "<5")
                .containsEntry("LOW", "<5").containsEntry("ACUTE", "<5");
        assertThat(r.getString("referralsBySeverity.totalShown")).isEqualTo("80");
    }

    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    void recipientsDeadlinesAndOutcomesComeFromRoutingsEvents() {
        JsonPath r = report("");
        assertThat(cells(r, "referralsByRecipient")).containsEntry("infohus-fyn", "40").containsEntry("infohus-koebenhavn", "20")
                .containsEntry("NOT_RECORDED", "<5").containsEntry("infohus-oestjylland", "<5");
        assertThat(r.getList("referralsByRecipient.cells.label", String.class)).contains("Infohus Fyn");
        assertThat(r.getString("referralsByRecipient.totalShown")).isEqualTo("80");
        assertThat(r.getString("infohusOutsideCopenhagenAndAarhus.shown")).as("40 of 76 to infohuse").isEqualTo("52,6 %");
        assertThat(cells(r, "deadlineAdherence")).containsEntry("IN_TIME", "30").containsEntry("LATE", "<5")
                .containsEntry("REJECTED", "<5").containsEntry("OPEN", "40");
        assertThat(cells(r, "recipientOutcome")).containsEntry("CASE_STARTED", "18").containsEntry("NOT_CONFIRMED", "12")
                .containsEntry("NONE", "50");
        assertThat(r.getString("baseline.casesStarted.shown")).isEqualTo("18");
        assertThat(r.getString("baseline.casesPerHundredContacts.shown")).isEqualTo("2,3 %");
    }

    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    void callsOfferedAnsweredAbandonedAndTheirWaitingAndTalkTimes() {
        JsonPath r = report("");
        assertThat(cells(r, "callsOffered").values()).containsOnly("12");
        assertThat(r.getString("callsOffered.totalShown")).isEqualTo("144");
        assertThat(r.getString("callsAnswered.totalShown")).isEqualTo("120");
        assertThat(cells(r, "callsAbandoned").values()).as("2 a month").containsOnly("<5");
        assertThat(r.getString("callsAbandoned.totalShown")).as("24 hidden over 12 cells reveal no one").isEqualTo("24");
        assertThat(r.getString("callsWhileClosed.shown")).isEqualTo("7");
        assertThat(r.getDouble("waiting.medianSeconds")).isEqualTo(60.5);
        assertThat(r.getDouble("waiting.p90Seconds")).isEqualTo(108.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.getDouble("talk.medianSeconds")).isEqualTo(605.0);
        assertThat(r.getDouble("talk.p90Seconds")).isEqualTo(1081.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    void aSiteAMonthAndALineNarrowTheReport() {
        assertThat(report("&site=AARHUS").getString("contactsByMonth.totalShown")).isEqualTo("360");
        assertThat(report("&site=COPENHAGEN").getString("contactsByMonth.totalShown")).isEqualTo("420");
        JsonPath march = report("&month=3");
        assertThat(cells(march, "contactsByMonth")).containsExactly(Map.entry("3", "30"));
        assertThat(march.getString("callsWhileClosed.shown")).isEqualTo("7");
        assertThat(march.getString("waiting.shown")).isEqualTo("0:26 / 0:29");
        assertThat(report("&line=COPENHAGEN_LOCAL").getString("contactsByMonth.totalShown")).isEqualTo("<5");
    }

    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    void theCsvIsUtf8WithAByteOrderMarkEveryFieldQuotedAndParsesBackToTheSameFigures() throws IOException {
        byte[] body = given().when().get("/api/statistics/report.csv?year=" + YEAR)
                .then().statusCode(200).header("Content-Disposition", equalTo("attachment; filename=\"hotline-statistik-2035.csv\""))
                .extract().asByteArray();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(text).contains("\"concern\";\"RIGHT_WING_EXTREMISM\";\"Højreekstremisme\";\"300\"");
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.Builder.create(CSVFormat.EXCEL)
                .setDelimiter(';').setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).containsExactly("afsnit", "nøgle", "betegnelse", "værdi");
            Map<String, String> values = parser.getRecords().stream()
                    .collect(Collectors.toMap(rec -> rec.get(0) + "/" + rec.get(1), (CSVRecord rec) -> rec.get(3)));
            assertThat(values).containsEntry("contactsByMonth/TOTAL", "780").containsEntry("contactsByMonth/1", "10")
                    .containsEntry("concern/LEFT_WING_EXTREMISM", "<5").containsEntry("waiting/MEDIAN_SECONDS", "60.5")
                    .containsEntry("callsAbandoned/TOTAL", "24").containsEntry("periode/periode", "2035");
        }
    }

    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    void aBadYearMonthSiteOrLineIsA400NamingTheField() {
        given().when().get("/api/statistics/report").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("year"));
        given().when().get("/api/statistics/report?year=abc").then().statusCode(400).body("errors.field", hasItem("year"));
        given().when().get("/api/statistics/report?year=2035&month=13").then().statusCode(400).body("errors.field", hasItem("month"));
        given().when().get("/api/statistics/report?year=2035&site=ODENSE").then().statusCode(400).body("errors.field", hasItem("site"));
        given().when().get("/api/statistics/report.csv?year=2035&line=X").then().statusCode(400).body("errors.field", hasItem("line"));
    }

    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    void thePageShowsTheSameSuppressedFiguresAndLinksToTheCsvAndThePrintableReport() {
        String html = given().get("/statistik?aar=" + YEAR).then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        assertThat(html).contains("<caption>Bekymringens art</caption>").contains("<td>Højreekstremisme</td><td class=\"num\">300</td>")
                .contains("<td>Venstreekstremisme</td><td class=\"num\">&lt;5</td>")
                .contains("href=\"/statistik/csv?aar=2035\"").contains("href=\"/statistik/rapport?aar=2035\"");
        assertThat(given().get("/statistik/rapport?aar=" + YEAR).then().statusCode(200).extract().asString())
                .contains("Årsrapport for hotlinen om ekstremisme 2035").doesNotContain("class=\"stat-filter");
        given().get("/statistik/csv?aar=" + YEAR).then().statusCode(200).contentType(containsString("text/csv"));
        assertThat(given().get("/statistik?aar=1999").then().statusCode(200).extract().asString())
                .contains("id=\"f-aar-error\"").contains("Vælg et år fra 2016");
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    void anAdvisorMayNotReadTheStatistics() {
        given().when().get("/api/statistics/report?year=" + YEAR).then().statusCode(403);
    }
}
