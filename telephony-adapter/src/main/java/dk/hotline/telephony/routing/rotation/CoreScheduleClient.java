package dk.hotline.telephony.routing.rotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.telephony.config.HotlineConfig;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.telephony.routing.domain.Schedule;
import dk.hotline.telephony.routing.domain.ScheduleReplica;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Fetches the schedule snapshot from core ({@code GET {core}/api/rotation/schedule/{line}}) with a bearer token from
 * the client-credentials grant (Keycloak client {@code telephony-adapter}). Runs at start-up and then again, on the
 * scheduler's worker thread, for any line whose replica is missing or stale. Never on the call path: routing reads
 * only the replica.
 */
@ApplicationScoped
public class CoreScheduleClient {

    private static final Logger LOG = Logger.getLogger(CoreScheduleClient.class);

    private final HotlineConfig.Core core;
    private final ScheduleReplica replica;
    private final ScheduleJson json;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final HttpClient http;
    private final Set<Line> fetchedOnce = EnumSet.noneOf(Line.class);
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    public CoreScheduleClient(HotlineConfig config, ScheduleReplica replica, ObjectMapper mapper, Clock clock) {
        this.core = config.core();
        this.replica = replica;
        this.mapper = mapper;
        this.json = new ScheduleJson(mapper);
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(core.timeout()).build();
    }

    @Scheduled(every = "${hotline.core.refresh-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void refresh() {
        for (Line line : Line.values()) {
            if (!fetchedOnce.contains(line) || !replica.isFresh(line)) {
                fetchSnapshot(line);
            }
        }
    }

    /** Answers whether a snapshot was fetched; failures are logged and left to the next round. */
    synchronized boolean fetchSnapshot(Line line) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(core.url() + "/api/rotation/schedule/" + line.name()))
                    .timeout(core.timeout()).header("Accept", "application/json").GET();
            bearerToken().ifPresent(t -> request.header("Authorization", "Bearer " + t));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warnf("core answered %d for the %s schedule", response.statusCode(), line);
                if (response.statusCode() == 401) {
                    token = null;
                }
                return false;
            }
            Schedule schedule = json.read(response.body());
            fetchedOnce.add(line);
            if (replica.offer(schedule)) {
                LOG.infof("schedule of %s now version %d (from core's snapshot)", line, schedule.version());
            }
            return true;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("could not fetch the %s schedule from core: %s", line, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private java.util.Optional<String> bearerToken() throws IOException, InterruptedException {
        if (core.tokenUrl().isEmpty()) {
            return java.util.Optional.empty();
        }
        if (token != null && clock.instant().isBefore(tokenExpires)) {
            return java.util.Optional.of(token);
        }
        String form = "grant_type=client_credentials&client_id=" + encode(core.clientId())
                + core.clientSecret().map(s -> "&client_secret=" + encode(s)).orElse("");
        HttpRequest request = HttpRequest.newBuilder(URI.create(core.tokenUrl().get())).timeout(core.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("token endpoint answered " + response.statusCode());
        }
        JsonNode body = mapper.readTree(response.body());
        JsonNode accessToken = body.get("access_token");
        if (accessToken == null) {
            throw new IOException("token endpoint gave no access_token");
        }
        long expiresIn = body.has("expires_in") ? body.get("expires_in").asLong() : 60;
        token = accessToken.asText();
        tokenExpires = clock.instant().plusSeconds(Math.max(0, expiresIn - 30));
        return java.util.Optional.of(token);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
