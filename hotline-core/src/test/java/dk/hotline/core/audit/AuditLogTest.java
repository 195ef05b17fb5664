package dk.hotline.core.audit;

import dk.hotline.core.support.OnVertx;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AuditLogTest {

    @Inject
    AuditLog audit;

    @Inject
    Pool pool;

    @Test
    void entriesCanBeAddedButNeverChangedOrDeleted() {
        String recordId = UUID.randomUUID().toString();
        OnVertx.await(() -> Panache.withTransaction(() ->
                audit.record("supervisor-1", "supervisor", AuditAction.READ, "contact", recordId, "yearly report check")));

        assertThatThrownBy(() -> OnVertx.await(() -> pool.query("UPDATE audit_entry SET actor = 'someone else' WHERE record_id = '" + recordId + "'").execute()))
                .hasMessageMatching(".*(permission denied|append-only).*");
        assertThatThrownBy(() -> OnVertx.await(() -> pool.query("DELETE FROM audit_entry WHERE record_id = '" + recordId + "'").execute()))
                .hasMessageMatching(".*(permission denied|append-only).*");
        assertThat(OnVertx.await(() -> pool.query("SELECT count(*) FROM audit_entry WHERE record_id = '" + recordId + "' AND actor = 'supervisor-1'").execute())
                .iterator().next().getLong(0)).isEqualTo(1L);
    }

    @Test
    @TestSecurity(user = "supervisor", roles = "supervisor")
    void supervisorFindsTheEntriesOfARecord() {
        String recordId = UUID.randomUUID().toString();
        OnVertx.await(() -> Panache.withTransaction(() ->
                audit.record("advisor-aarhus", "advisor", AuditAction.READ, "contact", recordId, null)));
        given().queryParam("recordType", "contact").queryParam("recordId", recordId).get("/api/audit")
                .then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].actor", equalTo("advisor-aarhus"))
                .body("[0].action", equalTo("READ"));
        given().queryParam("from", "last week").get("/api/audit")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    @TestSecurity(user = "supervisor", roles = "supervisor")
    void timeParametersTakeWhatAPersonPastes() {
        String recordId = UUID.randomUUID().toString();
        OnVertx.await(() -> Panache.withTransaction(() ->
                audit.record("advisor-aarhus", "advisor", AuditAction.READ, "contact", recordId, null)));
        String since = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(2)).minusHours(1).withNano(0).toString();
        String danishLocal = java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Copenhagen")).minusHours(1)
                .withNano(0).toString();
        // "+02:00" pasted into a URL arrives as " 02:00"; Z; and Danish local time without an offset.
        String utc = java.time.Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        for (String from : java.util.List.of(since, utc, danishLocal)) {
            given().urlEncodingEnabled(false).get("/api/audit?recordId=" + recordId + "&from=" + from)
                    .then().statusCode(200).body("size()", equalTo(1));
        }
        given().urlEncodingEnabled(false).get("/api/audit?recordId=" + recordId + "&to=" + since)
                .then().statusCode(200).body("size()", equalTo(0));
        given().queryParam("to", "2026-13-01T10:00").get("/api/audit")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("to"));
        given().queryParam("limit", "ten").get("/api/audit")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
    }

    @Test
    @TestSecurity(user = "advisor-aarhus", roles = "advisor")
    void advisorsCannotReadTheAuditTrail() {
        given().get("/api/audit").then().statusCode(403);
    }
}
