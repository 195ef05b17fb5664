package dk.hotline.core.audit;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dk.hotline.core.support.OnVertx;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint that reads or changes a personal record (an advice log with its free text, a referral with its
 * description and the caller's contact details) leaves an audit entry: proved by calling each one and reading the
 * audit trail; and no endpoint escapes the list, because every endpoint of the service must be classified here.
 */
@QuarkusTest
class PersonalDataAuditTest {

    /** The endpoints that answer with, or change, personal data, and the audit entry each must leave. */
    static final Map<String, Expected> PERSONAL = new LinkedHashMap<>();

    static {
        PERSONAL.put("POST /api/contacts", new Expected(AuditAction.CREATE, "contact"));
        PERSONAL.put("PATCH /api/contacts/{id}", new Expected(AuditAction.UPDATE, "contact"));
        PERSONAL.put("POST /api/contacts/{id}/finalise", new Expected(AuditAction.FINALISE, "contact"));
        PERSONAL.put("POST /api/contacts/{id}/referral", new Expected(AuditAction.CREATE, "referral"));
        PERSONAL.put("POST /api/contacts/{id}/amendments", new Expected(AuditAction.AMEND, "contact"));
        PERSONAL.put("GET /api/contacts/{id}", new Expected(AuditAction.READ, "contact"));
        PERSONAL.put("GET /api/contacts", new Expected(AuditAction.READ, "contact"));
        PERSONAL.put("GET /api/referrals/{id}", new Expected(AuditAction.READ, "referral"));
    }

    /** The caller's number kept for a callback (docs/telephony.md): the adapter's service account only. */
    static final Map<String, Expected> PERSONAL_FOR_THE_ADAPTER = new LinkedHashMap<>();

    static {
        PERSONAL_FOR_THE_ADAPTER.put("POST /api/callbacks", new Expected(AuditAction.CREATE, "callback_request"));
        PERSONAL_FOR_THE_ADAPTER.put("POST /api/callbacks/claim", new Expected(AuditAction.READ, "callback_request"));
        PERSONAL_FOR_THE_ADAPTER.put("POST /api/callbacks/{id}/outcome", new Expected(AuditAction.DELETE, "callback_request"));
        PERSONAL_FOR_THE_ADAPTER.put("POST /api/callbacks/close", new Expected(AuditAction.DELETE, "callback_request"));
    }

    /**
     * Handing a live call on writes the first advisor's note (free text, sealed): a CREATE of the call_transfer, or a
     * REFUSED entry for anyone but the advisor holding the call. It needs a connected call and the telephony adapter,
     * so {@code TransferTest} proves both entries (theAdvisorHoldingTheCall…, onlyTheAdvisorTheCallIsConnectedTo…).
     */
    static final Map<String, Expected> PERSONAL_PROVED_IN_TRANSFER_TEST = Map.of(
            "POST /api/calls/{callId}/transfer", new Expected(AuditAction.CREATE, "call_transfer"));

    /**
     * Endpoints that carry no personal data: the rotation, vocabularies, the advisor's notices (ids only), the
     * supervisor's list of unlogged calls (call ids and endpoints), and the audit trail itself (staff and record ids).
     */
    static final Set<String> NOT_PERSONAL = Set.of(
            "GET /api/rotation", "GET /api/rotation/on-duty", "GET /api/rotation/calendar", "GET /api/rotation/schedule/{line}",
            "GET /api/rotation/changes", "PUT /api/rotation/pattern", "PUT /api/rotation/months/{month}",
            "DELETE /api/rotation/months/{month}", "POST /api/rotation/overrides", "DELETE /api/rotation/overrides/{id}",
            "PUT /api/rotation/opening-hours/{line}", "PUT /api/rotation/closure-settings", "POST /api/rotation/closures",
            "DELETE /api/rotation/closures/{date}", "GET /api/vocabularies", "GET /api/advisor/events",
            "GET /api/supervisor/unlogged-calls", "GET /api/audit",
            // dead-lettered records: their place, ids and reason, never their content
            "GET /api/supervisor/dead-letters/events",
            // statistics: suppressed aggregates only (docs/statistics.md); the calendar feed and its links: the rotation
            "GET /api/statistics/report", "GET /api/statistics/report.csv", "GET /statistik", "GET /statistik/rapport",
            "GET /statistik/csv", "POST /api/rotation/feed-tokens", "GET /api/rotation/feed-tokens",
            "DELETE /api/rotation/feed-tokens/{id}", "GET /kalender/{token}/{line}.ics", "GET /vagtplan",
            // the supervisor board: counts, ids and organisation names only
            "GET /api/supervisor/board", "GET /tavle", "GET /tavle/strom",
            // the rotation page's override editing: the rotation
            "POST /vagtplan/undtagelser", "POST /vagtplan/undtagelser/{id}/fjern",
            // the calendar links page: the same feed tokens as the API above
            "GET /vagtplan/kalender", "POST /vagtplan/kalender", "POST /vagtplan/kalender/{id}/tilbagekald",
            // an advisor's phone in the queue: endpoint and state only (changes audited all the same, PresenceTest)
            "GET /api/presence/{endpoint}", "PUT /api/presence/{endpoint}", "GET /api/presence",
            // a callback being placed: the request's id and the adapter's name, never the number
            "POST /api/callbacks/{id}/dialling");

    /**
     * The screens (docs/advice-and-referrals.md). Those that show or change an advice log do it only through
     * ContactService, the same calls as the API endpoints above, which leave the audit entries this test proves;
     * the sign-in landing pages show no personal data. A new screen must be listed here (or above) deliberately.
     */
    static final Set<String> SCREENS = Set.of(
            "GET /", "GET /logget-ud", "GET /konsol", "GET /konsol/haendelser", "GET /konsol/mit-arbejde",
            "GET /konsol/henvendelser/{id}", "POST /konsol/henvendelser/{id}", "POST /konsol/henvendelser/{id}/afslut",
            "POST /konsol/henvendelser/{id}/modtager", "POST /konsol/henvendelser/{id}/uden-indhold",
            "POST /konsol/henvendelser/{id}/rettelse", "POST /konsol/koe",
            // "Viderestil opkaldet": through TransferService, the API's call above (its audit entries: TransferTest)
            "POST /konsol/henvendelser/{id}/viderestil");

    record Expected(AuditAction action, String recordType) {
    }

    @Inject
    Pool pool;

    @Test
    void everyEndpointIsClassifiedAsPersonalOrNot() {
        Set<String> endpoints = endpointsOfTheService();
        Set<String> classified = new TreeSet<>(PERSONAL.keySet());
        classified.addAll(PERSONAL_FOR_THE_ADAPTER.keySet());
        classified.addAll(PERSONAL_PROVED_IN_TRANSFER_TEST.keySet());
        classified.addAll(NOT_PERSONAL);
        classified.addAll(SCREENS);
        assertThat(endpoints).as("endpoints not classified in %s: add each to PERSONAL (with its audit entry) or NOT_PERSONAL",
                getClass().getSimpleName()).isSubsetOf(classified);
        assertThat(classified).as("classified endpoints that no longer exist").isSubsetOf(endpoints);
    }

    @Test
    @TestSecurity(user = "anna", roles = "advisor")
    @OidcSecurity(claims = {@Claim(key = "site", value = "AARHUS"), @Claim(key = "endpoint", value = "advisor-aarhus-1")})
    void everyPersonalEndpointLeavesItsAuditEntry() {
        Map<String, String> recordOf = new LinkedHashMap<>();
        String contact = given().contentType(ContentType.JSON).body("{\"channel\":\"EMAIL\"}").post("/api/contacts")
                .then().statusCode(201).extract().path("id");
        recordOf.put("POST /api/contacts", contact);
        given().contentType(ContentType.JSON).body("""
                        {"callerRole":"RELATIVE","concernCategory":"MILITANT_ISLAMISM","ageBand":"AGE_25_PLUS","municipalityCode":"461",
                         "adviceThemes":["SIGNS_OF_RADICALISATION"],"summary":"Sister worried.","outcome":"REFERRAL"}""")
                .patch("/api/contacts/" + contact).then().statusCode(200);
        recordOf.put("PATCH /api/contacts/{id}", contact);
        given().contentType(ContentType.JSON).body("{}").post("/api/contacts/" + contact + "/finalise").then().statusCode(200);
        recordOf.put("POST /api/contacts/{id}/finalise", contact);
        String referral = given().contentType(ContentType.JSON)
                .body("{\"severity\":\"LOW\",\"legalBasis\":\"ANONYMOUS\",\"description\":\"Withdrawn brother.\"}")
                .post("/api/contacts/" + contact + "/referral").then().statusCode(201).extract().path("id");
        recordOf.put("POST /api/contacts/{id}/referral", referral);
        given().contentType(ContentType.JSON).body("{\"reason\":\"Age band corrected\",\"changes\":{\"ageBand\":\"AGE_18_24\"}}")
                .post("/api/contacts/" + contact + "/amendments").then().statusCode(201);
        recordOf.put("POST /api/contacts/{id}/amendments", contact);

        long readsBefore = reads(contact);
        given().get("/api/contacts/" + contact).then().statusCode(200);
        recordOf.put("GET /api/contacts/{id}", contact);
        assertThat(reads(contact)).as("one READ entry for one read").isEqualTo(readsBefore + 1);
        given().get("/api/contacts").then().statusCode(200);
        recordOf.put("GET /api/contacts", contact);
        assertThat(reads(contact)).as("the listed log is read too").isEqualTo(readsBefore + 2);
        given().get("/api/referrals/" + referral).then().statusCode(200);
        recordOf.put("GET /api/referrals/{id}", referral);

        List<String> missing = new ArrayList<>();
        PERSONAL.forEach((endpoint, expected) -> {
            String record = recordOf.get(endpoint);
            boolean found = record != null && entries(record).stream().anyMatch(e -> "anna".equals(e.getString("actor"))
                    && expected.action().name().equals(e.getString("action"))
                    && expected.recordType().equals(e.getString("record_type")));
            if (!found) {
                missing.add(endpoint + " → " + expected);
            }
        });
        assertThat(missing).as("personal endpoints that left no audit entry").isEmpty();
    }

    @Test
    @TestSecurity(user = "telephony-adapter", roles = "service")
    @OidcSecurity(claims = @Claim(key = "azp", value = "telephony-adapter"))
    void everyCallbackEndpointLeavesItsAuditEntry() {
        String line = "{\"line\":\"COPENHAGEN_LOCAL\"}";
        given().contentType(ContentType.JSON).body(line).post("/api/callbacks/close").then().statusCode(200);
        Map<String, String> recordOf = new LinkedHashMap<>();
        String first = requestCallback();
        recordOf.put("POST /api/callbacks", first);
        given().contentType(ContentType.JSON).body("{\"line\":\"COPENHAGEN_LOCAL\",\"holder\":\"adapter-1\"}")
                .post("/api/callbacks/claim").then().statusCode(200).body("id", org.hamcrest.Matchers.equalTo(first));
        recordOf.put("POST /api/callbacks/claim", first);
        given().contentType(ContentType.JSON).body("{\"holder\":\"adapter-1\"}")
                .post("/api/callbacks/" + first + "/dialling").then().statusCode(204);
        given().contentType(ContentType.JSON).body("{\"holder\":\"adapter-1\",\"outcome\":\"MADE\"}")
                .post("/api/callbacks/" + first + "/outcome").then().statusCode(204);
        recordOf.put("POST /api/callbacks/{id}/outcome", first);
        String second = requestCallback();
        given().contentType(ContentType.JSON).body(line).post("/api/callbacks/close").then().statusCode(200);
        recordOf.put("POST /api/callbacks/close", second);

        List<String> missing = new ArrayList<>();
        PERSONAL_FOR_THE_ADAPTER.forEach((endpoint, expected) -> {
            boolean found = entries(recordOf.get(endpoint)).stream()
                    .anyMatch(e -> "telephony-adapter".equals(e.getString("actor"))
                            && expected.action().name().equals(e.getString("action"))
                            && expected.recordType().equals(e.getString("record_type")));
            if (!found) {
                missing.add(endpoint + " → " + expected);
            }
        });
        assertThat(missing).as("callback endpoints that left no audit entry").isEmpty();
    }

    private static String requestCallback() {
        return given().contentType(ContentType.JSON).body("{\"callId\":\"audit." + System.nanoTime()
                        + "\",\"line\":\"COPENHAGEN_LOCAL\",\"site\":\"COPENHAGEN\",\"number\":\"+4520304050\"}")
                .post("/api/callbacks").then().statusCode(201).extract().path("id");
    }

    private long reads(String recordId) {
        return entries(recordId).stream().filter(e -> "READ".equals(e.getString("action"))).count();
    }

    private List<Row> entries(String recordId) {
        List<Row> rows = new ArrayList<>();
        OnVertx.await(() -> pool.preparedQuery("SELECT actor, action, record_type FROM audit_entry WHERE record_id = $1")
                .execute(Tuple.of(recordId))).forEach(rows::add);
        return rows;
    }

    /** "METHOD /path" of every resource method of the service, read from the compiled classes. */
    private static Set<String> endpointsOfTheService() {
        Set<String> endpoints = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dk.hotline.core")) {
            if (!type.isAnnotatedWith(Path.class)) {
                continue;
            }
            Class<?> resource = type.reflect();
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    endpoints.add(verb + " " + join(base, sub == null ? "" : sub.value()));
                }
            }
        }
        return endpoints;
    }

    private static String verb(Method method) {
        for (Class<? extends Annotation> verb : List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class)) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getSimpleName();
            }
        }
        return null;
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
