package dk.hotline.routing.support;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Plays hotline-core reading hotline.deliveries: collects every status event routing publishes. */
public final class DeliveriesTopic implements AutoCloseable {

    public record StatusEvent(String key, String ceId, String ceType, String ceSource, String value) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<StatusEvent> events = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    public DeliveriesTopic() {
        String topic = ConfigProvider.getConfig().getValue("mp.messaging.outgoing.deliveries.topic", String.class);
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RoutingTestResources.bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "routing-test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        poller = new Thread(this::poll, "deliveries-topic-reader");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    events.add(new StatusEvent(r.key(), header(r, "ce_id"), header(r, "ce_type"), header(r, "ce_source"), r.value()));
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    public List<StatusEvent> of(String referralId) {
        return events.stream().filter(e -> referralId.equals(e.key())).toList();
    }

    public List<String> typesOf(String referralId) {
        return of(referralId).stream().map(StatusEvent::ceType).toList();
    }

    public List<StatusEvent> all() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
