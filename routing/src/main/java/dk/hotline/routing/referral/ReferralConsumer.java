package dk.hotline.routing.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes {@code dk.hotline.referral.created.v1} from {@code hotline.referrals}, in batches (what one poll returned
 * for a partition), stored in one transaction per batch. Idempotent: the referral id and the CloudEvent id are unique
 * in the database, so a redelivered event (offset reset, rebalance, restart) changes nothing. A transient failure
 * (database down) is retried with backoff and the batch is only acknowledged once stored, so nothing is lost; an
 * event that can never be routed (malformed) is logged by id and skipped. Log lines name ids and field names only,
 * never the content (personal data).
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
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<ReferralIntake.Incoming> usable = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            read(record).ifPresent(usable::add);
        }
        if (usable.isEmpty()) {
            return ack(batch);
        }
        // A retry after a unique-key clash (two instances racing on one record during a rebalance) finds the
        // referrals stored by the other and leaves them out.
        return intake.receiveAll(usable)
                .onFailure().invoke(f -> LOG.warnf("Batch of %d referrals not stored yet, retrying: %s", usable.size(),
                        f.getClass().getSimpleName()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).indefinitely()
                .invoke(stored -> LOG.debugf("Stored %d of %d referral events", (Object) stored, (Object) usable.size()))
                .chain(() -> ack(batch));
    }

    private java.util.Optional<ReferralIntake.Incoming> read(KafkaRecord<String, String> record) {
        String ceId = header(record.getHeaders(), "ce_id");
        String type = header(record.getHeaders(), "ce_type");
        if (type != null && !ReferralCreatedV1.TYPE.equals(type)) {
            LOG.debugf("Ignoring event of type %s", type);
            return java.util.Optional.empty();
        }
        ReferralCreatedV1 event;
        try {
            event = record.getPayload() == null ? null : mapper.readValue(record.getPayload(), ReferralCreatedV1.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warnf("Skipping unreadable referral event %s: %s", ceId, e.getClass().getSimpleName());
            return java.util.Optional.empty();
        }
        if (event == null || !event.missingFields().isEmpty()) {
            LOG.warnf("Skipping referral event %s: missing or invalid %s", ceId,
                    event == null ? "payload" : event.missingFields());
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ReferralIntake.Incoming(ceId != null ? ceId : "referral:" + event.referralId(), event));
    }

    private static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Uni<Void> ack(KafkaRecordBatch<String, String> batch) {
        return Uni.createFrom().completionStage(batch::ack);
    }
}
