package dk.hotline.routing.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;

/**
 * Consumes {@code dk.hotline.referral.created.v1} from {@code hotline.referrals}. Idempotent: the referral id and
 * the CloudEvent id are unique in the database, so a redelivered event (offset reset, rebalance, restart) changes
 * nothing. A transient failure (database down) is retried with backoff and the record is only acknowledged once
 * stored, so nothing is lost; an event that can never be routed (malformed) is logged by id and skipped.
 * Log lines name ids and field names only, never the content (personal data).
 */
@ApplicationScoped
public class ReferralConsumer {

    private static final Logger LOG = Logger.getLogger(ReferralConsumer.class);

    private final ReferralIntake intake;
    private final ObjectMapper mapper;

    public ReferralConsumer(ReferralIntake intake, ObjectMapper mapper) {
        this.intake = intake;
        this.mapper = mapper;
    }

    @Incoming("referrals")
    public Uni<Void> consume(Message<String> message) {
        Optional<IncomingCloudEventMetadata<?>> ce = cloudEvent(message);
        String type = ce.map(IncomingCloudEventMetadata::getType).orElse(ReferralCreatedV1.TYPE);
        if (!ReferralCreatedV1.TYPE.equals(type)) {
            LOG.debugf("Ignoring event of type %s", type);
            return ack(message);
        }
        ReferralCreatedV1 event;
        try {
            event = mapper.readValue(message.getPayload(), ReferralCreatedV1.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warnf("Skipping unreadable referral event %s: %s", ce.map(IncomingCloudEventMetadata::getId).orElse("?"),
                    e.getClass().getSimpleName());
            return ack(message);
        }
        if (event == null || !event.missingFields().isEmpty()) {
            LOG.warnf("Skipping referral event %s: missing or invalid %s", ce.map(IncomingCloudEventMetadata::getId).orElse("?"),
                    event == null ? "payload" : event.missingFields());
            return ack(message);
        }
        String eventId = ce.map(IncomingCloudEventMetadata::getId).orElse("referral:" + event.referralId());
        // A retry after a unique-key clash (two instances racing on one record during a rebalance) finds the
        // referral stored by the other and ends as DUPLICATE.
        return intake.receive(eventId, event)
                .onFailure().invoke(f -> LOG.warnf("Referral %s not stored yet, retrying: %s", event.referralId(),
                        f.getClass().getSimpleName()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).indefinitely()
                .invoke(outcome -> LOG.debugf("Referral %s: %s", event.referralId(), outcome))
                .chain(() -> ack(message));
    }

    @SuppressWarnings("unchecked")
    private static Optional<IncomingCloudEventMetadata<?>> cloudEvent(Message<String> message) {
        return message.getMetadata(IncomingCloudEventMetadata.class).map(m -> (IncomingCloudEventMetadata<?>) m);
    }

    private static Uni<Void> ack(Message<String> message) {
        return Uni.createFrom().completionStage(message::ack);
    }
}
