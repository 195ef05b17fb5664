package dk.hotline.telephony.routing.rotation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.platform.events.MalformedEventException;
import dk.hotline.telephony.routing.domain.Schedule;
import dk.hotline.telephony.routing.domain.ScheduleReplica;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the replica current from the compacted {@code hotline.rotation} topic. Each instance reads the whole topic
 * from the beginning with its own consumer group (the replica is per instance, not shared work). A record that is not
 * a valid schedule never reaches the replica (the last good schedule, or the fail-safe, keeps routing): it is nacked,
 * so the channel's dead-letter strategy puts it on {@code hotline.rotation.dlq} with its reason and the topic moves
 * on; core lists that topic for supervisors (docs/telephony.md, "A malformed schedule").
 */
@ApplicationScoped
public class RotationTopicConsumer {

    static final String SCHEDULE_TYPE = "dk.hotline.rotation.schedule.v1";
    private static final Logger LOG = Logger.getLogger(RotationTopicConsumer.class);

    private final ScheduleReplica replica;
    private final ScheduleJson json;

    public RotationTopicConsumer(ScheduleReplica replica, ObjectMapper mapper) {
        this.replica = replica;
        this.json = new ScheduleJson(mapper);
    }

    @Incoming("rotation")
    public void onRecord(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader("ce_type");
        if (type != null && !SCHEDULE_TYPE.equals(new String(type.value(), StandardCharsets.UTF_8))) {
            return;
        }
        if (record.value() == null) {
            return;
        }
        try {
            Schedule schedule = json.read(record.value());
            if (replica.offer(schedule)) {
                LOG.infof("schedule of %s now version %d (from the rotation topic)", schedule.line(),
                        schedule.version());
            }
        } catch (IllegalArgumentException e) {
            // The reason names the fault, never the content (ScheduleJson quotes none).
            throw new MalformedEventException(e.getMessage());
        }
    }
}
