package dk.hotline.telephony.testsupport;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients on the real test broker ($HOTLINE_KAFKA_BOOTSTRAP). */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    public static String bootstrap() {
        String env = System.getenv("HOTLINE_KAFKA_BOOTSTRAP");
        return env == null || env.isBlank() ? "127.0.0.1:59092" : env;
    }

    /** Creates a topic of {@code partitions} partitions (replication 1, the test broker is alone). */
    public static void createTopic(String topic, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create topic " + topic, e);
        }
    }

    /** Waits until the consumer group {@code group} holds every partition of {@code topic} (it is reading it). */
    public static void awaitAssigned(String group, String topic) {
        try (Admin admin = admin()) {
            await("group " + group + " reading " + topic).atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                        ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all()
                                .get(10, TimeUnit.SECONDS).get(group);
                        int partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                                .get(10, TimeUnit.SECONDS).get(topic).partitions().size();
                        long held = d.members().stream().flatMap(m -> m.assignment().topicPartitions().stream())
                                .filter(tp -> tp.topic().equals(topic)).count();
                        return held == partitions;
                    });
        }
    }

    private static Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        return Admin.create(p);
    }

    /** Publishes a schedule the way core does: keyed by line, CloudEvents binary headers. Answers its event id. */
    public static String publishSchedule(String topic, String line, String json) {
        String eventId = UUID.randomUUID().toString();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, line, json);
            Map.of("ce_id", eventId, "ce_type", "dk.hotline.rotation.schedule.v1",
                    "ce_source", "urn:dk:hotline:core", "ce_specversion", "1.0",
                    "content-type", "application/json")
                    .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record);
            producer.flush();
        }
        return eventId;
    }

    /** A consumer of its own group reading the topic from the beginning. */
    public static final class Reader implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        public Reader(String topic) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
            p.put(ConsumerConfig.GROUP_ID_CONFIG, "telephony-test-" + UUID.randomUUID());
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500");
            consumer = new KafkaConsumer<>(p);
            consumer.subscribe(List.of(topic));
        }

        /** Everything read so far (polls once more first). */
        public synchronized List<ConsumerRecord<String, String>> records() {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return List.copyOf(seen);
        }

        public List<ConsumerRecord<String, String>> recordsFor(String key) {
            return records().stream().filter(r -> key.equals(r.key())).toList();
        }

        @Override
        public synchronized void close() {
            consumer.close();
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
