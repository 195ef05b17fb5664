package dk.hotline.core.support;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** The advisor's browser against a running core, over plain HTTP (for the crash test and the benchmark). */
public final class HotlineClient {

    public static final String LOG = """
            {"callerRole":"PROFESSIONAL","callerSector":"SOCIAL_SERVICES","concernCategory":"RIGHT_WING_EXTREMISM",
             "ageBand":"AGE_15_17","municipalityCode":"751","adviceThemes":["SIGNS_OF_RADICALISATION","LOCAL_OFFERS"],
             "summary":"Caseworker worried about a young client's new contacts.","outcome":"REFERRAL"}""";
    public static final String REFERRAL = """
            {"severity":"MEDIUM","legalBasis":"AJA_115","description":"Client (16) shares extremist material; caseworker asks for SSP."}""";

    private final HttpClient http;
    private final Function<String, URI> uri;
    private final String token;
    private final ObjectMapper json = new ObjectMapper();

    public HotlineClient(HttpClient http, Function<String, URI> uri, String token) {
        this.http = http;
        this.uri = uri;
        this.token = token;
    }

    public static HttpClient newHttp() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1).build();
    }

    public HttpRequest post(String path, String body) {
        return request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** A POST with an Idempotency-Key, as a client that may retry sends it. */
    public HttpRequest post(String path, String body, String idempotencyKey) {
        return request(path).header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    public HttpRequest patch(String path, String body) {
        return request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build();
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Opens a contact outside the system, fills the log and finalises it; answers the contact id. */
    public String finalisedLog() throws IOException, InterruptedException {
        String id = idOf(expect(201, send(post("/api/contacts", "{\"channel\":\"PHONE_OUTSIDE_SYSTEM\"}"))));
        expect(200, send(patch("/api/contacts/" + id, LOG)));
        expect(200, send(post("/api/contacts/" + id + "/finalise", "{}")));
        return id;
    }

    public String idOf(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body()).get("id").asText();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri.apply(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + " but got " + response.statusCode() + " from "
                    + response.request().method() + " " + response.uri().getPath() + ": " + response.body());
        }
        return response;
    }
}
