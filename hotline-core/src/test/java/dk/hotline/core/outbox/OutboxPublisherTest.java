package dk.hotline.core.outbox;

import dk.hotline.core.support.KafkaTopicReader;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import dk.hotline.core.support.OnVertx;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class OutboxPublisherTest {

    @Inject
    Outbox outbox;

    record Sample(String what, int n) {
    }

    @Test
    void committedEventReachesKafkaOnceAsCloudEventKeyedAsAsked() {
        String topic = "test.outbox." + UUID.randomUUID();
        String key = "key-" + UUID.randomUUID();
        OutboxEvent written = OnVertx.await(() -> Panache.withTransaction(() ->
                outbox.append(topic, key, "dk.hotline.test.sample.v1", "sample-1", new Sample("hello", 7))));

        try (KafkaTopicReader reader = new KafkaTopicReader(topic)) {
            AtomicReference<List<ConsumerRecord<String, String>>> records = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                records.set(reader.poll());
                return !records.get().isEmpty();
            });
            ConsumerRecord<String, String> record = records.get().get(0);
            assertThat(record.key()).isEqualTo(key);
            assertThat(record.value()).isEqualTo("{\"what\":\"hello\",\"n\":7}");
            Map<String, String> ce = KafkaTopicReader.ceHeaders(record);
            assertThat(ce).containsEntry("ce_id", written.id.toString())
                    .containsEntry("ce_type", "dk.hotline.test.sample.v1")
                    .containsEntry("ce_specversion", "1.0")
                    .containsEntry("ce_subject", "sample-1")
                    .containsKey("ce_time")
                    .containsKey("ce_source");
            await().atMost(Duration.ofSeconds(10)).until(() -> isPublished(written.id));
            // A second look after the row is marked: still exactly one record.
            assertThat(reader.poll()).hasSize(1);
        }
    }

    @Test
    void rolledBackTransactionLeavesNoEvent() {
        String topic = "test.outbox." + UUID.randomUUID();
        UUID[] id = new UUID[1];
        try {
            OnVertx.await(() -> Panache.withTransaction(() ->
                    outbox.append(topic, "k", "dk.hotline.test.sample.v1", null, new Sample("x", 1))
                            .invoke(e -> id[0] = e.id)
                            .chain(() -> Uni.createFrom().failure(new IllegalStateException("rolled back")))));
        } catch (IllegalStateException expected) {
            // the business change failed, so its event must not exist
        }
        assertThat(id[0]).isNotNull();
        assertThat(find(id[0])).isNull();
    }

    private static boolean isPublished(UUID id) {
        OutboxEvent e = find(id);
        return e != null && e.publishedAt != null;
    }

    private static OutboxEvent find(UUID id) {
        return OnVertx.await(() -> Panache.withSession(() -> OutboxEvent.<OutboxEvent>findById(id)));
    }
}
