package dk.hotline.routing.privacy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dk.hotline.routing.support.ReferralEvents;
import dk.hotline.routing.support.RoutingTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint of routing is classified as answering with personal data or not; each personal one is called and
 * must leave its audit entry. A new endpoint fails the first test until it is classified here.
 */
@QuarkusTest
@QuarkusTestResource(RoutingTestResources.class)
class PersonalEndpointsTest {

    /** Endpoints that answer with a referral's description or the caller's contact details, and their audit action. */
    static final Map<String, String> PERSONAL = new LinkedHashMap<>();

    static {
        PERSONAL.put("GET /api/inbox/referrals/{referralId}", "READ");
        PERSONAL.put("POST /api/inbox/referrals/{referralId}/acknowledge", "ACKNOWLEDGE");
        PERSONAL.put("POST /api/inbox/referrals/{referralId}/accept", "ACCEPT");
        PERSONAL.put("POST /api/inbox/referrals/{referralId}/reject", "REJECT");
    }

    /**
     * No personal data: the inbox list (ids, severity, municipality code, deadlines), the recipient directory, dead
     * letters and escalations (ids, states, generated text), the audit trail itself (staff and referral ids), and the
     * routing preview (reference data only).
     */
    static final Set<String> NOT_PERSONAL = Set.of("GET /api/inbox/referrals", "GET /api/admin/recipients",
            "GET /api/admin/recipients/{id}", "PUT /api/admin/recipients/{id}/delivery", "GET /api/supervisor/dead-letters", "GET /api/supervisor/dead-letters/events",
            "POST /api/supervisor/dead-letters/{id}/redeliver", "GET /api/supervisor/escalations", "GET /api/audit",
            "GET /api/routing/preview");

    @Test
    void everyEndpointIsClassifiedAsPersonalOrNot() {
        Set<String> endpoints = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dk.hotline.routing")) {
            if (!type.isAnnotatedWith(Path.class)) {
                continue;
            }
            Class<?> resource = type.reflect();
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    String path = ("/" + base + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
                    endpoints.add(verb + " " + (path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path));
                }
            }
        }
        Set<String> classified = new TreeSet<>(PERSONAL.keySet());
        classified.addAll(NOT_PERSONAL);
        assertThat(endpoints).as("endpoints not classified in %s", getClass().getSimpleName()).isSubsetOf(classified);
        assertThat(classified).as("classified endpoints that no longer exist").isSubsetOf(endpoints);
    }

    @Test
    @TestSecurity(user = "fyn-contact", roles = "recipient")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "infohus-fyn"))
    void everyPersonalEndpointLeavesItsAuditEntry() throws Exception {
        ReferralEvents.Referral first = ReferralEvents.referral("461", "AGE_25_PLUS");
        ReferralEvents.Referral second = ReferralEvents.referral("461", "AGE_25_PLUS");
        try (ReferralEvents core = new ReferralEvents()) {
            core.publish(first);
            core.publish(second);
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            given().get("/api/inbox/referrals/{id}", first.id()).then().statusCode(200);
            given().get("/api/inbox/referrals/{id}", second.id()).then().statusCode(200);
        });
        given().post("/api/inbox/referrals/{id}/acknowledge", first.id()).then().statusCode(200);
        given().post("/api/inbox/referrals/{id}/accept", first.id()).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"reason\":\"Hører under Østjylland\"}")
                .post("/api/inbox/referrals/{id}/reject", second.id()).then().statusCode(200);

        Map<String, String> recordOf = Map.of("GET /api/inbox/referrals/{referralId}", first.id(),
                "POST /api/inbox/referrals/{referralId}/acknowledge", first.id(),
                "POST /api/inbox/referrals/{referralId}/accept", first.id(),
                "POST /api/inbox/referrals/{referralId}/reject", second.id());
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> personal : PERSONAL.entrySet()) {
            if (!audited(recordOf.get(personal.getKey()), personal.getValue())) {
                missing.add(personal.getKey() + " → " + personal.getValue());
            }
        }
        assertThat(missing).as("personal endpoints that left no audit entry").isEmpty();
    }

    private static boolean audited(String referralId, String action) throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), config.getValue("quarkus.datasource.password", String.class));
             PreparedStatement s = c.prepareStatement(
                     "SELECT 1 FROM audit_entry WHERE record_id = ? AND action = ? AND actor = 'fyn-contact' AND organisation = 'infohus-fyn'")) {
            s.setString(1, referralId);
            s.setString(2, action);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static String verb(Method method) {
        for (Class<? extends Annotation> verb : List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class)) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getSimpleName();
            }
        }
        return null;
    }
}
