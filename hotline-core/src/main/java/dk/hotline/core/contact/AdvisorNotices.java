package dk.hotline.core.contact;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.SerializedProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fans notices out to the advisors connected to this instance. With several
 * core instances, an advisor connected elsewhere still gets the draft: every
 * stream starts with the advisor's open drafts, and a reconnect (which the
 * browser's EventSource does by itself) replays them.
 */
@ApplicationScoped
public class AdvisorNotices {

    private final SerializedProcessor<AdvisorNotice, AdvisorNotice> bus = BroadcastProcessor.<AdvisorNotice>create().serialized();

    public void publish(AdvisorNotice notice) {
        bus.onNext(notice);
    }

    public Multi<AdvisorNotice> forEndpoint(String endpoint) {
        return Multi.createFrom().publisher(bus).filter(n -> endpoint.equals(n.advisorEndpoint()));
    }
}
