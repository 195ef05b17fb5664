package dk.hotline.telephony.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.telephony.callback.domain.CallbackDesk;
import dk.hotline.telephony.config.HotlineConfig;
import dk.hotline.telephony.core.CoreToken;
import dk.hotline.telephony.routing.agi.CallbackRequestScript;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Core's callback API ({@code /api/callbacks}) with the adapter's service token. Blocking JDK HTTP: called on the
 * FastAGI thread of the caller who pressed 1 and on the placer's scheduler thread, never on the AMI pump. The number
 * is in a request body or a claim's answer only; nothing here logs it.
 */
@ApplicationScoped
public class CoreCallbacks implements CallbackRequestScript.Recorder {

    /** A request handed to this adapter to place. {@link #toString} leaves the number out. */
    public record Claim(String id, String callId, String site, String number) {
        @Override
        public String toString() {
            return "Claim[" + id + "]";
        }
    }

    private final HotlineConfig.Core core;
    private final CoreToken token;
    private final ObjectMapper mapper;
    private final HttpClient http;

    public CoreCallbacks(HotlineConfig config, CoreToken token, ObjectMapper mapper) {
        this.core = config.core();
        this.token = token;
        this.mapper = mapper;
        this.http = HttpClient.newBuilder().connectTimeout(core.timeout()).build();
    }

    /** Records the caller's request; true when core has it (created now or before). */
    @Override
    public boolean record(String callId, Line line, String site, String number) throws IOException, InterruptedException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("callId", callId);
        body.put("line", line.name());
        body.put("site", site);
        body.put("number", number);
        int status = post("/api/callbacks", body).statusCode();
        return status == 201 || status == 200;
    }

    public Optional<Claim> claim(Line line, String holder) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/api/callbacks/claim", Map.of("line", line.name(), "holder", holder));
        if (r.statusCode() != 200) {
            return Optional.empty();
        }
        JsonNode b = mapper.readTree(r.body());
        return Optional.of(new Claim(b.get("id").asText(), b.get("callId").asText(), b.get("site").asText(),
                b.get("number").asText()));
    }

    /** True when this adapter still holds the claim and may dial. */
    public boolean dialling(String id, String holder) throws IOException, InterruptedException {
        return post("/api/callbacks/" + id + "/dialling", Map.of("holder", holder)).statusCode() == 204;
    }

    /** True when core took the outcome (or it no longer applies: 409); false when core could not be reached. */
    public boolean outcome(String id, String holder, CallbackDesk.Result result) throws IOException, InterruptedException {
        int status = post("/api/callbacks/" + id + "/outcome", Map.of("holder", holder, "outcome", result.name())).statusCode();
        return status == 204 || status == 409;
    }

    public boolean close(Line line) throws IOException, InterruptedException {
        return post("/api/callbacks/close", Map.of("line", line.name())).statusCode() == 200;
    }

    private HttpResponse<String> post(String path, Map<String, String> body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(core.url() + path)).timeout(core.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)));
        token.get().ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            token.forget();
        }
        return response;
    }
}
