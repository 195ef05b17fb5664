package dk.hotline.routing.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.contracts.Contract;
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
    private final DeadLetters deadLetters;

    public ReferralConsumer(ReferralIntake intake, ObjectMapper mapper, DeadLetters deadLetters) {
        this.intake = intake;
        this.mapper = mapper;
        this.deadLetters = deadLetters;
    }

    @Incoming("referrals")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<ReferralIntake.Incoming> usable = new ArrayList<>();
        List<DeadLetters.Rejected> rejected = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            String problem = read(record, usable);
            if (problem != null) {
                rejected.add(new DeadLetters.Rejected(record, problem));
            }
        }
        // What can never be routed goes to the dead-letter topic first, so the partition moves on past it.
        Uni<Void> deadLettered = deadLetters.send(rejected)
                .onFailure().invoke(f -> LOG.warnf("%d malformed referral records not dead-lettered yet, retrying: %s",
                        rejected.size(), f.getClass().getSimpleName()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).indefinitely();
        if (usable.isEmpty()) {
            return deadLettered.chain(() -> ack(batch));
        }
        // A retry after a unique-key clash (two instances racing on one record during a rebalance) finds the
        // referrals stored by the other and leaves them out.
        return deadLettered.chain(() -> intake.receiveAll(usable))
                .onFailure().invoke(f -> LOG.warnf("Batch of %d referrals not stored yet, retrying: %s", usable.size(),
                        f.getClass().getSimpleName()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).indefinitely()
                .invoke(stored -> LOG.debugf("Stored %d of %d referral events", (Object) stored, (Object) usable.size()))
                .chain(() -> ack(batch));
    }

    /**
     * Adds the record's referral to {@code usable}, or answers why it can never be routed (null when usable or not a
     * referral event at all). The reason names fields and exception types only, never content.
     */
    private String read(KafkaRecord<String, String> record, List<ReferralIntake.Incoming> usable) {
        String ceId = header(record.getHeaders(), "ce_id");
        String type = header(record.getHeaders(), "ce_type");
        if (type != null && !ReferralCreatedV1.TYPE.equals(type)) {
            LOG.debugf("Ignoring event of type %s", type);
            return null;
        }
        if (record.getPayload() == null) {
            return "no payload";
        }
        try {
            mapper.readTree(record.getPayload());
        } catch (JsonProcessingException e) {
            return "not JSON (" + e.getClass().getSimpleName() + ")";
        }
        List<String> violations = Contract.REFERRAL_CREATED_V1.violations(record.getPayload());
        if (!violations.isEmpty()) {
            return "not a referral-created.v1 event: " + String.join("; ", violations);
        }
        ReferralCreatedV1 event;
        try {
            event = mapper.readValue(record.getPayload(), ReferralCreatedV1.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return "unreadable referral event (" + e.getClass().getSimpleName() + ")";
        }
        if (!event.missingFields().isEmpty()) {
            return "missing or invalid " + event.missingFields();
        }
        usable.add(new ReferralIntake.Incoming(ceId != null ? ceId : "referral:" + event.referralId(), event));
        return null;
    }

    private static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Uni<Void> ack(KafkaRecordBatch<String, String> batch) {
        return Uni.createFrom().completionStage(batch::ack);
    }
}
