package dk.hotline.telephony.routing.rotation;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * from the beginning with its own consumer group (the replica is per instance, not shared work).
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
            // A bad record must not stop the replica: skip it and keep the last good schedule.
            LOG.warnf("skipped an unreadable schedule record at offset %d: %s", record.offset(), e.getMessage());
        }
    }
}
