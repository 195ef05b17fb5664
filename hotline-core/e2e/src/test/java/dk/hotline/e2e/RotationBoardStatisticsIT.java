package dk.hotline.e2e;

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
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rotation admin page, the supervisor board and the statistics page in a real browser (issue 12;
 * docs/rotation.md, docs/operations.md, docs/statistics.md): the packaged core, routing and telephony adapter against
 * the real Keycloak login page, PostgreSQL and Kafka of the test stack; a call waits in the queue and is answered
 * through the adapter's AMI client, fed by {@link AmiPeer} with events recorded from a real Asterisk. Every screen and
 * state is checked with axe-core and photographed into docs/screens/; a failed test leaves what the browser saw under
 * target/e2e-supervision/failed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RotationBoardStatisticsIT {

    private static final String CORE_DB = "hotline_core_supervision";
    private static final String ROUTING_DB = "hotline_routing_supervision";
    private static final Path LOGS = Path.of("target", "e2e-supervision");
    private static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ServicesWithAmiPeer services;
    private static AmiPeer asterisk;
    private static ServiceProcess core;

    /** What each browser showed when a test failed, kept before they close. */
    @RegisterExtension
    final Browsers browsers = new Browsers(LOGS);

    @BeforeAll
    static void startTheServices() {
        Assumptions.assumeTrue(Browser.available(), "no chromium and chromium-driver on this machine: browser tests skipped");
        services = ServicesWithAmiPeer.start(CORE_DB, ROUTING_DB, LOGS);
        asterisk = services.asterisk();
        core = services.core();
    }

    @AfterAll
    static void stopTheServices() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    @Order(1)
    void theRotationAdminAddsAnOverrideForNextMonthAndTheDryRunAndTheCalendarFeedShowIt() throws Exception {
        Browser browser = signedIn("rotation-admin", "/vagtplan");
        assertThat(browser.waitFor(By.tagName("h1")).getText()).startsWith("Vagtplan");
        browser.assertAccessible("the rotation admin page");
        browser.screenshot("rotation");

        // A weekday of next month, inside the national line's opening hours: who takes a call then?
        LocalDate day = LocalDate.now(DANISH).plusMonths(1).withDayOfMonth(8).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        LocalDateTime at = day.atTime(10, 0);
        String regular = dryRun(browser, at);
        String other = regular.equals("Aarhus") ? "København" : "Aarhus";
        String otherValue = regular.equals("Aarhus") ? "COPENHAGEN" : "AARHUS";

        // The override without its reason: nothing saved, the message beside the field.
        LocalDateTime from = day.atTime(8, 0);
        LocalDateTime to = day.plusDays(1).atTime(16, 0);
        setLocal(browser, "o-fra", from);
        setLocal(browser, "o-til", to);
        new Select(browser.driver().findElement(By.id("o-site"))).selectByValue(otherValue);
        browser.driver().findElement(By.cssSelector("[data-testid=add-override-submit]")).click();
        assertThat(browser.waitFor(By.cssSelector("[data-testid=error-begrundelse]")).getText()).isNotBlank();
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid=no-overrides]"))).hasSize(1);
        browser.assertAccessible("an override without its reason");
        browser.screenshot("rotation-override-errors", By.cssSelector("[data-testid=add-override]"));

        // With a reason it is saved, listed with its reason and in the change history.
        String reason = regular + " holder personaledag";
        browser.driver().findElement(By.id("o-begrundelse")).sendKeys(reason);
        browser.driver().findElement(By.cssSelector("[data-testid=add-override-submit]")).click();
        WebElement overrides = browser.waitFor(By.cssSelector("[data-testid=overrides]"));
        assertThat(overrides.getText()).contains(reason).contains(other);
        assertThat(browser.driver().findElement(By.cssSelector("[data-testid=changes]")).getText()).contains("rotation-admin");
        browser.assertAccessible("the rotation admin page with an override");
        browser.screenshot("rotation-override", By.id("undtagelser"));

        // The dry run at the same instant now names the other site.
        assertThat(dryRun(browser, at)).isEqualTo(other);
        browser.assertAccessible("the dry run's answer");
        browser.screenshot("rotation-dry-run", By.id("dry-run"));

        // The admin makes a calendar link on its page; a calendar client (no sign-in, no cookie) fetches the feed, which
        // has the override as its own event.
        browser.driver().findElement(By.cssSelector("[data-testid=calendar-links]")).click();
        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Kalenderlinks");
        browser.driver().findElement(By.cssSelector("[data-testid=cal-create]")).click();
        String feedUrl = browser.waitFor(By.cssSelector("[data-testid=feed-NATIONAL]")).getAttribute("value");
        assertThat(feedUrl).startsWith(core.uri("/kalender/").toString()).endsWith("/NATIONAL.ics");
        browser.assertAccessible("a new calendar link");
        browser.screenshot("calendar-links");
        HttpResponse<String> feed = HTTP.send(HttpRequest.newBuilder(java.net.URI.create(feedUrl)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        String ics = feed.body().replace("\r\n ", "");
        String utcStart = from.atZone(DANISH).withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        String utcEnd = to.atZone(DANISH).withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        assertThat(ics).contains("SUMMARY:Vagt: " + other + " (undtagelse)").contains("DTSTART:" + utcStart).contains("DTEND:" + utcEnd);

        // The dry run also says where such a call overflows to: back to the site that has the month.
        browser.go(core.uri("/vagtplan").toString());
        assertThat(dryRun(browser, at)).isEqualTo(other);
        assertThat(browser.driver().findElement(By.cssSelector("[data-testid=overflow]")).getText())
                .contains("rådgiver i " + other + " ledig").contains("går det videre til " + regular);
    }

    @Test
    @Order(2)
    void theBoardShowsACallWaitingWhileItIsInTheQueueAndClearsItWhenAnswered() {
        Browser browser = signedIn("supervisor", "/tavle");
        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Tavle");
        awaitWaitingInAarhus(browser, "0");
        browser.assertAccessible("the supervisor board");

        long call = System.currentTimeMillis() % 1_000_000_000L;
        String caller = "4520300001";
        asterisk.callWaitsInQueue(call, caller);
        awaitWaitingInAarhus(browser, "1");
        browser.assertAccessible("the board with a call waiting");
        browser.screenshot("board-waiting");

        asterisk.waitingCallAnswered(call, caller);
        awaitWaitingInAarhus(browser, "0");
        awaitAarhus(browser, 6, "advisors on a call", "1");
        browser.assertAccessible("the board after the call was answered");
        browser.screenshot("board");
    }

    @Test
    @Order(3)
    void theStatisticsPageShowsAKnownYearAsTablesWithAChartBesideEach() {
        int year = LocalDate.now(DANISH).getYear();
        knownYear(year);
        Browser browser = signedIn("supervisor", "/statistik?aar=" + year);
        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Statistik");
        assertThat(browser.driver().findElement(By.cssSelector("[data-testid=contacts]")).getText()).isEqualTo("120");
        // 120 finalised logs, eight kinds of concern in turn: 15 of each; three caller roles: 40 of each.
        assertThat(counts(browser, "t-bekymring")).hasSize(8).containsOnly("15");
        assertThat(counts(browser, "t-afsender")).containsExactly("40", "40", "40");
        awaitCharts(browser);
        browser.assertAccessible("the statistics page with its charts");
        browser.screenshot("statistics");
        browser.screenshot("statistics-charts", By.cssSelector("[data-testid=s-bekymring]"));

        browser.driver().findElement(By.cssSelector("[data-testid=print]")).click();
        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Årsrapport for hotlinen om ekstremisme " + year);
        awaitCharts(browser);
        browser.assertAccessible("the printable yearly report");
        browser.screenshot("statistics-report");
    }

    // ---- helpers ----

    private Browser signedIn(String user, String path) {
        Browser browser = browsers.open();
        browser.go(core.uri(path).toString());
        browser.signInAtKeycloak(user, user);
        browser.waitFor(By.tagName("h1"));
        return browser;
    }

    /** Asks the dry run who takes a national call at a Danish local time, and answers the site it names. */
    private static String dryRun(Browser browser, LocalDateTime at) {
        setLocal(browser, "f-tid", at);
        new Select(browser.driver().findElement(By.id("f-linje"))).selectByValue("NATIONAL");
        browser.driver().findElement(By.cssSelector("[data-testid=dry-run] button[type=submit]")).click();
        return browser.waitFor(By.cssSelector("[data-testid=answer] strong")).getText();
    }

    /**
     * Sets a datetime-local field. Typed keys land in Chromium's date picker segments in the order of the browser's
     * locale, so the value is set as the picker itself would set it.
     */
    private static void setLocal(Browser browser, String id, LocalDateTime value) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
                browser.driver().findElement(By.id(id)), value.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
    }

    private static void awaitWaitingInAarhus(Browser browser, String waiting) {
        awaitAarhus(browser, 1, "callers waiting", waiting);
    }

    /** A figure of Aarhus's row; the board is swapped over SSE, so a row found may be replaced by the time it is read. */
    private static void awaitAarhus(Browser browser, int column, String what, String value) {
        await(what + " in Aarhus: " + value).atMost(Duration.ofSeconds(30))
                .ignoreExceptionsMatching(e -> e instanceof StaleElementReferenceException || e instanceof NoSuchElementException)
                .until(() -> browser.driver().findElement(By.xpath("//table[@data-testid='queues']//tr[th='Aarhus']/td[" + column + "]"))
                        .getText().equals(value));
    }

    private static List<String> counts(Browser browser, String table) {
        return browser.driver().findElements(By.cssSelector("#" + table + " tbody tr[data-count]")).stream()
                .map(r -> r.getAttribute("data-count")).toList();
    }

    /** Every breakdown's chart is drawn: shown, and its canvas has a size. */
    private static void awaitCharts(Browser browser) {
        await("every chart drawn").atMost(Duration.ofSeconds(15)).until(() -> {
            List<WebElement> charts = browser.driver().findElements(By.cssSelector(".stat-chart"));
            return charts.size() == 14 && charts.stream().allMatch(c -> c.isDisplayed()
                    && c.findElement(By.tagName("canvas")).getSize().getWidth() > 0);
        });
    }

    /**
     * A year of 120 finalised logs with known answers: months January to November in turn, the eight kinds of concern,
     * three caller roles, five age bands and six municipalities in turn; professionals' sectors in turn.
     */
    private static void knownYear(int year) {
        Databases.execute(CORE_DB, """
                insert into contact (id, channel, line, site, status, caller_role, caller_sector, concern_category, age_band,
                                     municipality_code, outcome, created_at, updated_at, finalised_at, finalised_by, created_by)
                select gen_random_uuid(), 'HOTLINE_CALL', 'NATIONAL', case when i %% 2 = 0 then 'AARHUS' else 'COPENHAGEN' end, 'FINAL',
                       (array['PRIVATE_CITIZEN','RELATIVE','PROFESSIONAL'])[i %% 3 + 1],
                       case when i %% 3 = 2 then (array['SCHOOL','SOCIAL_SERVICES','PSYCHIATRY','POLICE'])[i %% 4 + 1] end,
                       (array['MILITANT_ISLAMISM','RIGHT_WING_EXTREMISM','LEFT_WING_EXTREMISM','ANTI_AUTHORITY_EXTREMISM',
                              'MISOGYNY_INCEL','HYBRID','UNCLEAR','NOT_EXTREMISM_RELATED'])[i %% 8 + 1],
                       (array['UNDER_15','AGE_15_17','AGE_18_24','AGE_25_PLUS','UNKNOWN'])[i %% 5 + 1],
                       (array['101','751','461','851','147','561'])[i %% 6 + 1],
                       case when i %% 4 = 0 then 'REFERRAL' else 'ADVICE_ONLY' end,
                       make_timestamptz(%d, i %% 11 + 1, 10, 12, 0, 0, 'Europe/Copenhagen'),
                       make_timestamptz(%d, i %% 11 + 1, 10, 12, 30, 0, 'Europe/Copenhagen'),
                       make_timestamptz(%d, i %% 11 + 1, 10, 12, 30, 0, 'Europe/Copenhagen'), 'advisor-aarhus', 'advisor-aarhus'
                from generate_series(1, 120) as i
                """.formatted(year, year, year));
    }
}
