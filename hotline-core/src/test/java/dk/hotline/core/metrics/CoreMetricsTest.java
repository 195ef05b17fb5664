package dk.hotline.core.metrics;

import dk.hotline.core.support.OnVertx;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** /q/metrics carries the outbox lag and the referrals by state, read from the database. */
@QuarkusTest
class CoreMetricsTest {

    @Inject
    CoreGauges gauges;

    @Test
    void theOutboxLagAndTheReferralsByStateArePublishedForPrometheus() {
        OnVertx.await(() -> gauges.read());
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher lag = Pattern.compile("(?m)^hotline_outbox_lag_seconds(?:\\{[^}]*})? ([0-9.E]+)$").matcher(metrics);
        assertThat(lag.find()).as("hotline_outbox_lag_seconds in\n" + metrics.lines().filter(l -> l.startsWith("hotline")).toList()).isTrue();
        assertThat(Double.parseDouble(lag.group(1))).isGreaterThanOrEqualTo(0);
        assertThat(metrics).contains("hotline_outbox_pending").contains("hotline_referrals{state=\"ROUTED\"");
    }
}
