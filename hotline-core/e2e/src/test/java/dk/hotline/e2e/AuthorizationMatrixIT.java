package dk.hotline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/authorization.md, driven whole: the three packaged services against the real Keycloak (realm file
 * deploy/keycloak/hotline-realm.json), PostgreSQL and Kafka of the test stack, with real tokens of the realm's
 * demo users. Every cell is a request; every mismatch is reported, not only the first.
 */
class AuthorizationMatrixIT {

    private static final Path REPO = Repo.ROOT;
    private static final String LOG = """
            {"callerRole":"RELATIVE","concernCategory":"MILITANT_ISLAMISM","ageBand":"AGE_25_PLUS","municipalityCode":"461",
             "adviceThemes":["SIGNS_OF_RADICALISATION"],"summary":"Matrix test log.","outcome":"REFERRAL"}""";
    private static final String REFERRAL = """
            {"referral":{"severity":"MEDIUM","legalBasis":"ANONYMOUS","description":"Matrix test referral."}}""";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, ServiceProcess> SERVICES = new LinkedHashMap<>();
    private static final Map<String, String> PLACEHOLDERS = new HashMap<>();
    private static Realm realm;
    private static Map<String, String> serviceSecrets;
    private static final String SERVICE_ACCOUNT = "service-account-";

    @BeforeAll
    static void startTheServices() {
        realm = new Realm(ServiceEnvironment.keycloakUrl());
        Map<String, Map<String, String>> env = ServiceEnvironment.of(REPO,
                ServiceEnvironment.get("HOTLINE_E2E_CORE_DB", "hotline_core_e2e"),
                ServiceEnvironment.get("HOTLINE_E2E_ROUTING_DB", "hotline_routing_e2e"));
        serviceSecrets = Map.of("telephony-adapter", env.get("telephony-adapter").get("HOTLINE_OIDC_CLIENT_SECRET"),
                "routing", env.get("routing").get("HOTLINE_OIDC_CLIENT_SECRET"),
                "hotline-core", env.get("hotline-core").get("HOTLINE_OIDC_CLIENT_SECRET"));
        Path logs = Path.of("target", "e2e");
        SERVICES.put("core", ServiceProcess.start(REPO, "hotline-core", env.get("hotline-core"), logs));
        SERVICES.get("core").awaitReady();
        SERVICES.put("routing", ServiceProcess.start(REPO, "routing", env.get("routing"), logs));
        SERVICES.put("telephony", ServiceProcess.start(REPO, "telephony-adapter", env.get("telephony-adapter"), logs));
        SERVICES.get("routing").awaitReady();
        SERVICES.get("telephony").awaitReady();
    }

    @AfterAll
    static void stopTheServices() {
        SERVICES.values().forEach(ServiceProcess::close);
    }

    @Test
    void everyEndpointAnswersEveryRoleAsTheMatrixSays() throws Exception {
        MatrixDocument doc = MatrixDocument.read(REPO.resolve("docs/authorization.md"));
        createTheRecordsTheMatrixNames();
        List<String> mismatches = new ArrayList<>();
        int requests = 0;
        for (MatrixDocument.Row row : doc.rows()) {
            for (int i = 0; i < doc.roles().size(); i++) {
                String role = doc.roles().get(i);
                Answer answer = send(row.service(), row.method(), row.path(), row.body(), tokenOf(role), null);
                requests++;
                if (answer.status() != row.expected().get(i)) {
                    mismatches.add(row + " as " + role + ": expected " + row.expected().get(i) + ", got " + answer.status()
                            + " " + abbreviate(answer.body()));
                }
            }
        }
        for (MatrixDocument.TenantRule rule : doc.tenantRules()) {
            requests++;
            String problem = check(rule);
            if (problem != null) {
                mismatches.add("\"" + rule.rule() + "\" (" + rule.user() + " " + rule.method() + " " + rule.path() + "): " + problem);
            }
        }
        assertThat(mismatches).as("%d requests; the services' logs are in hotline-core/e2e/target/e2e", requests).isEmpty();
    }

    // ---- the records the matrix names ---------------------------------------------------------------------

    private static void createTheRecordsTheMatrixNames() throws Exception {
        String aarhus = realm.user("advisor-aarhus");
        String contact = opened(aarhus);
        expect(send("core", "PATCH", "/api/contacts/" + contact, LOG, aarhus, null), 200);
        Answer finalised = expect(send("core", "POST", "/api/contacts/" + contact + "/finalise", REFERRAL, aarhus, null), 200);
        String referral = JSON.readTree(finalised.body()).path("referral").path("id").asText();
        assertThat(referral).as("referral id in %s", finalised.body()).isNotBlank();
        PLACEHOLDERS.put("{contact}", contact);
        PLACEHOLDERS.put("{referral}", referral);
        PLACEHOLDERS.put("{draft}", opened(aarhus));
        PLACEHOLDERS.put("{cph-contact}", opened(realm.user("advisor-cph")));
        PLACEHOLDERS.put("{unknown}", UUID.randomUUID().toString());
        // A call answered at advisor-aarhus-1's phone, as the telephony adapter announces it; core has it once its
        // advisor's empty transfer request is refused for the missing target (404 while core has not seen it).
        String call = "1900000000." + (System.currentTimeMillis() % 1_000_000_000L);
        CallsTopic.connected(call, "AARHUS", "advisor-aarhus-1");
        PLACEHOLDERS.put("{call}", call);
        await("the call connected at core").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> send("core", "POST", "/api/calls/" + call + "/transfer", "{}", aarhus, null).status() == 400);
        // The referral travels core → outbox → Kafka → routing: wait until it is in Fyn's inbox.
        String fyn = realm.user("recipient-fyn");
        await("referral routed to infohus-fyn").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> send("routing", "GET", "/api/inbox/referrals?filter=all", "", fyn, null).body().contains(referral));
    }

    private static String opened(String token) throws Exception {
        Answer created = expect(send("core", "POST", "/api/contacts", "{\"channel\":\"PHONE_OUTSIDE_SYSTEM\"}", token, null), 201);
        return JSON.readTree(created.body()).get("id").asText();
    }

    private static Answer expect(Answer answer, int status) {
        assertThat(answer.status()).as("fixture request answered %s", answer.body()).isEqualTo(status);
        return answer;
    }

    // ---- tenant rules -------------------------------------------------------------------------------------

    /** Null when the rule holds, else what went wrong. */
    private static String check(MatrixDocument.TenantRule rule) throws Exception {
        String token = "forged".equals(rule.user()) ? realm.forged()
                : rule.user().startsWith(SERVICE_ACCOUNT) ? serviceToken(rule.user().substring(SERVICE_ACCOUNT.length()))
                : realm.user(rule.user());
        boolean json = "PATCH".equals(rule.method()) || rule.path().contains("/transfer");
        Answer answer = send(rule.service(), rule.method(), rule.path(), json ? "{}" : "", token, rule.header());
        String[] expect = rule.expect().split(" ", 3);
        int status = Integer.parseInt(expect[0]);
        if (answer.status() != status) {
            return "expected " + status + ", got " + answer.status() + " " + abbreviate(answer.body());
        }
        if (expect.length == 1) {
            return null;
        }
        String what = expect[1];
        String argument = expect.length > 2 ? expect[2] : "";
        return switch (what) {
            case "with" -> answer.body().contains(resolve(argument)) ? null : "the answer lacks " + argument;
            case "without" -> answer.body().contains(resolve(argument)) ? "the answer holds " + argument : null;
            case "audited" -> audited(rule, argument);
            case "refusal" -> "audited".equals(argument) ? refusalAudited(rule) : "unknown expectation " + rule.expect();
            default -> "unknown expectation " + rule.expect();
        };
    }

    /** The service's audit log holds a READ of the record in the path, by that user (with that reason, if one is named). */
    private static String audited(MatrixDocument.TenantRule rule, String reason) throws Exception {
        String path = resolve(rule.path());
        String recordId = path.substring(path.lastIndexOf('/') + 1);
        Answer audit = send(rule.service(), "GET", "/api/audit?recordId=" + recordId, "", realm.user("supervisor"), null);
        if (audit.status() != 200) {
            return "audit query answered " + audit.status();
        }
        for (JsonNode entry : JSON.readTree(audit.body())) {
            boolean reasonMatches = reason.isEmpty() || reason.equals(entry.path("reason").asText());
            if (rule.user().equals(entry.path("actor").asText()) && reasonMatches && "READ".equals(entry.path("action").asText())) {
                return null;
            }
        }
        return "no READ by " + rule.user() + " with reason \"" + reason + "\" in " + abbreviate(audit.body());
    }

    /** The service's audit log holds a REFUSED by that user (a service account refused an API that is not its own). */
    private static String refusalAudited(MatrixDocument.TenantRule rule) throws Exception {
        Answer audit = send(rule.service(), "GET", "/api/audit?actor=" + rule.user(), "", realm.user("supervisor"), null);
        if (audit.status() != 200) {
            return "audit query answered " + audit.status();
        }
        for (JsonNode entry : JSON.readTree(audit.body())) {
            if ("REFUSED".equals(entry.path("action").asText())) {
                return null;
            }
        }
        return "no REFUSED by " + rule.user() + " in " + abbreviate(audit.body());
    }

    /** A service account's token (client credentials); the rules name it as Keycloak does its user. */
    private static String serviceToken(String client) {
        String secret = serviceSecrets.get(client);
        if (secret == null) {
            throw new IllegalStateException("no secret for the service account of " + client);
        }
        return realm.serviceAccount(client, secret);
    }

    // ---- requests -----------------------------------------------------------------------------------------

    private record Answer(int status, String body) {
    }

    private static String tokenOf(String role) {
        return switch (role) {
            case "advisor" -> realm.user("advisor-aarhus");
            case "rotation-admin" -> realm.user("rotation-admin");
            case "supervisor" -> realm.user("supervisor");
            case "recipient" -> realm.user("recipient-fyn");
            case "service" -> realm.serviceAccount("telephony-adapter", serviceSecrets.get("telephony-adapter"));
            case "none" -> null;
            default -> throw new IllegalStateException("no identity for the column " + role);
        };
    }

    private static Answer send(String service, String method, String path, String body, String token, String header)
            throws IOException, InterruptedException {
        ServiceProcess target = SERVICES.get(service);
        if (target == null) {
            throw new IllegalStateException("no service " + service);
        }
        URI uri = target.uri(resolve(path));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        boolean hasBody = body != null && !body.isEmpty();
        request.method(method, hasBody ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
        if (hasBody) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (header != null && !header.isBlank()) {
            int colon = header.indexOf(':');
            request.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
        }
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            // An event stream never ends: its status and headers are the answer.
            boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
            return new Answer(response.statusCode(), stream ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String resolve(String text) {
        String resolved = text;
        for (Map.Entry<String, String> p : PLACEHOLDERS.entrySet()) {
            resolved = resolved.replace(p.getKey(), p.getValue());
        }
        return resolved;
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
