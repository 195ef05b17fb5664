package dk.hotline.core.contact;

import dk.hotline.core.support.AdvisorEventStream;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two core instances share one PostgreSQL: a notice that another instance sends (its Kafka consumer saw the call
 * connect) reaches the advisor whose browser holds its stream on this one.
 */
@QuarkusTest
class AdvisorNoticesAcrossInstancesTest {

    @TestHTTPResource("/api/advisor/events")
    URI events;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-7")})
    void aNoticeSentByAnotherInstanceReachesTheAdvisorConnectedHere() throws Exception {
        String callId = "1732262400." + UUID.randomUUID().toString().substring(0, 8);
        UUID draft = UUID.randomUUID();
        try (AdvisorEventStream stream = new AdvisorEventStream(events)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> stream.data().stream().anyMatch(d -> d.contains("\"HELLO\"")));

            otherInstanceNotifies("""
                    {"type":"DRAFT_OPEN","advisorEndpoint":"advisor-aarhus-7","callId":"%s","contactId":"%s",
                     "at":"2026-12-01T10:00:00Z","message":"Call %s is connected to you; draft %s is open"}"""
                    .formatted(callId, draft, callId, draft));
            otherInstanceNotifies("""
                    {"type":"DRAFT_OPEN","advisorEndpoint":"advisor-cph-1","callId":"someone-else","contactId":"%s",
                     "at":"2026-12-01T10:00:00Z","message":"not for anna"}""".formatted(UUID.randomUUID()));

            await().atMost(Duration.ofSeconds(20)).until(() -> stream.data().stream().anyMatch(d -> d.contains(callId)));
            assertThat(stream.data()).filteredOn(d -> d.contains(callId)).singleElement().asString()
                    .contains("DRAFT_OPEN").contains(draft.toString());
            assertThat(stream.data()).noneMatch(d -> d.contains("someone-else"));
        }
    }

    /** What AdvisorNotices.publish does on the instance whose consumer saw the call: one pg_notify. */
    private void otherInstanceNotifies(String payload) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
             PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, AdvisorNotices.CHANNEL);
            notify.setString(2, payload.replace("\n", ""));
            notify.execute();
        }
    }
}
