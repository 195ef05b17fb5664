package dk.hotline.routing.support;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.awaitility.Awaitility.await;

/** Plays an operator reading routing's dead-letter topic: the reason of each dead-lettered record, by event id. */
public final class DeadLetterTopic implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, String> reasons = new ConcurrentHashMap<>();

    public DeadLetterTopic(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RoutingTestResources.bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "routing-test-dlq-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Waits until {@code count} records whose event id contains {@code marker} were read; their reasons by event id. */
    public Map<String, String> reasonsOf(int count, String marker) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                String id = header(r, "ce_id");
                if (id != null) {
                    reasons.put(id, String.valueOf(header(r, "dead-letter-reason")));
                }
            }
            return reasons.keySet().stream().filter(k -> k.contains(marker)).count() >= count;
        });
        return Map.copyOf(reasons);
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
