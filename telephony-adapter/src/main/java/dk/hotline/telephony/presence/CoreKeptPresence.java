package dk.hotline.telephony.presence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.contracts.vocabulary.PauseReason;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.telephony.core.CoreClient;
import dk.hotline.telephony.presence.domain.AdvisorPresence;
import dk.hotline.telephony.presence.domain.KeptPresence;
import dk.hotline.telephony.presence.domain.PresenceState;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The advisors' wanted presence as core keeps it ({@code GET {core}/api/presence}, role {@code service}). Read after
 * every AMI login, on the AMI supervisor thread (blocking is fine there). Core unreachable: logged, tried again later.
 */
@ApplicationScoped
public class CoreKeptPresence implements KeptPresence {

    private static final Logger LOG = Logger.getLogger(CoreKeptPresence.class);

    private final CoreClient core;
    private final ObjectMapper mapper;

    public CoreKeptPresence(CoreClient core, ObjectMapper mapper) {
        this.core = core;
        this.mapper = mapper;
    }

    @Override
    public Optional<List<AdvisorPresence.Wanted>> read() {
        try {
            HttpResponse<String> response = core.get("/api/presence");
            if (response.statusCode() != 200) {
                LOG.warnf("core answered %d for the advisors' wanted presence", response.statusCode());
                return Optional.empty();
            }
            List<AdvisorPresence.Wanted> kept = new ArrayList<>();
            for (JsonNode n : mapper.readTree(response.body())) {
                try {
                    PauseReason reason = n.hasNonNull("reason") ? PauseReason.valueOf(n.get("reason").asText()) : null;
                    kept.add(new AdvisorPresence.Wanted(n.path("endpoint").asText(),
                            Site.valueOf(n.path("site").asText()), PresenceState.valueOf(n.path("state").asText()),
                            reason, null));
                } catch (IllegalArgumentException e) {
                    LOG.warnf("skipped a wanted presence core sent: %s", e.getMessage());
                }
            }
            return Optional.of(kept);
        } catch (IOException e) {
            LOG.warnf("could not read the advisors' wanted presence from core: %s", e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
