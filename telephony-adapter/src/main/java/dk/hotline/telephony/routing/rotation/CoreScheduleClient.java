package dk.hotline.telephony.routing.rotation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.telephony.core.CoreClient;
import dk.hotline.telephony.routing.domain.Schedule;
import dk.hotline.telephony.routing.domain.ScheduleReplica;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Fetches the schedule snapshot from core ({@code GET {core}/api/rotation/schedule/{line}}) with the adapter's own
 * token ({@link CoreClient}). Runs at start-up and then again, on the
 * scheduler's worker thread, for any line whose replica is missing or stale. Never on the call path: routing reads
 * only the replica.
 */
@ApplicationScoped
public class CoreScheduleClient {

    private static final Logger LOG = Logger.getLogger(CoreScheduleClient.class);

    private final CoreClient core;
    private final ScheduleReplica replica;
    private final ScheduleJson json;
    private final Set<Line> fetchedOnce = EnumSet.noneOf(Line.class);

    public CoreScheduleClient(CoreClient core, ScheduleReplica replica, ObjectMapper mapper) {
        this.core = core;
        this.replica = replica;
        this.json = new ScheduleJson(mapper);
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
            HttpResponse<String> response = core.get("/api/rotation/schedule/" + line.name());
            if (response.statusCode() != 200) {
                LOG.warnf("core answered %d for the %s schedule", response.statusCode(), line);
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
}
