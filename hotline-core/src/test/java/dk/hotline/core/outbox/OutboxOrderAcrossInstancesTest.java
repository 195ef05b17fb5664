package dk.hotline.core.outbox;

import dk.hotline.core.support.KafkaTopicReader;
import dk.hotline.core.support.OnVertx;
import dk.hotline.platform.outbox.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several core instances publishing rotation changes: besides this test's own core (whose relay runs on its timer),
 * two more relays with their own Kafka producers, as two more instances would have, drain the same outbox in small
 * batches while changes keep being written. Each line's schedule versions must reach Kafka in the order they were
 * written; on the compacted rotation topic, an older schedule arriving last would win.
 */
@QuarkusTest
class OutboxOrderAcrossInstancesTest {

    static final int CHANGES_PER_LINE = 60;

    @Inject
    Outbox outbox;

    @Inject
    Pool pool;

    record Schedule(String line, int version) {
    }

    @Test
    void twoMoreInstancesKeepEachLinesVersionsInOrderOnKafka() throws Exception {
        String topic = "test.rotation-order." + UUID.randomUUID();
        List<String> lines = List.of("NATIONAL", "COPENHAGEN_LOCAL");
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        List<KafkaProducer<String, String>> producers = List.of(producer(), producer());
        try {
            for (KafkaProducer<String, String> producer : producers) {
                OutboxRelay relay = new OutboxRelay(pool, "outbox_event", event -> send(producer, event),
                        Clock.systemUTC(), 7);
                instances.submit(() -> {
                    while (writing.get() || pending(topic) > 0) {
                        relay.drain().await().atMost(Duration.ofSeconds(30));
                    }
                    return null;
                });
            }
            for (int version = 1; version <= CHANGES_PER_LINE; version++) {
                for (String line : lines) {
                    Schedule change = new Schedule(line, version);
                    OnVertx.await(() -> Panache.withTransaction(() -> outbox.append(topic, line,
                            "dk.hotline.rotation.schedule.v1", line, change)));
                }
            }
            writing.set(false);
            await().atMost(Duration.ofMinutes(2)).until(() -> pending(topic) == 0);
        } finally {
            writing.set(false);
            instances.shutdown();
            producers.forEach(KafkaProducer::close);
        }

        Map<String, List<Integer>> versionsByLine = new LinkedHashMap<>();
        try (KafkaTopicReader reader = new KafkaTopicReader(topic)) {
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    reader.poll().stream().map(r -> KafkaTopicReader.header(r, "ce_id").orElseThrow()).distinct().count()
                            == (long) CHANGES_PER_LINE * lines.size());
            for (ConsumerRecord<String, String> r : reader.poll()) {
                int version = Integer.parseInt(r.value().replaceAll(".*\"version\":(\\d+).*", "$1"));
                versionsByLine.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(version);
            }
        }
        for (String line : lines) {
            // A batch that failed goes out again whole, so a version may repeat, but never after a later one.
            assertThat(versionsByLine.get(line)).as(line).isSorted()
                    .containsAll(java.util.stream.IntStream.rangeClosed(1, CHANGES_PER_LINE).boxed().toList());
        }
    }

    private long pending(String topic) {
        return pool.preparedQuery("SELECT count(*) AS n FROM outbox_event WHERE topic = $1 AND published_at IS NULL")
                .execute(Tuple.of(topic)).await().atMost(Duration.ofSeconds(30)).iterator().next().getLong("n");
    }

    private static Uni<Void> send(KafkaProducer<String, String> producer, OutboxRelay.Pending event) {
        return Uni.createFrom().emitter(done -> {
            ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
            record.headers().add("ce_id", event.id().toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record, (metadata, failure) -> {
                if (failure != null) {
                    done.fail(failure);
                } else {
                    done.complete(null);
                }
            });
        });
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
