package dk.hotline.e2e;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/**
 * Plays the telephony adapter's CONNECTED on {@code hotline.calls} (CloudEvents binary mode, keyed by call id): a call
 * answered at an advisor's phone, or, once a call handed on reaches its receiver (docs/decisions/call-transfer.md), a
 * second CONNECTED of the same call with the receiver's endpoint, {@code transferredFrom} and the CloudEvent id
 * {@code <callId>/CONNECTED/<n>}.
 */
final class CallsTopic {

    private static final String TOPIC = "hotline.calls";

    private CallsTopic() {
    }

    /** The call is answered at {@code advisor}'s phone. */
    static void connected(String callId, String site, String advisor) {
        publish(callId, site, advisor, null, callId + "/CONNECTED");
    }

    /** The call handed on by {@code from} is answered at {@code receiver}'s phone; {@code n} ≥ 2. */
    static void connectedAfterTransfer(String callId, String site, String receiver, String from, int n) {
        publish(callId, site, receiver, from, callId + "/CONNECTED/" + n);
    }

    private static void publish(String callId, String site, String advisor, String from, String eventId) {
        Instant now = Instant.now();
        String payload = """
                {"callId":"%s","state":"CONNECTED","line":"NATIONAL","site":"%s","queue":"hotline-%s","advisorEndpoint":"%s",
                 "transferredFrom":%s,"occurredAt":"%s","waitSeconds":4,"talkSeconds":null,"callerHash":null,"routing":null,
                 "endReason":null}""".formatted(callId, site, site.toLowerCase(), advisor, from == null ? "null" : "\"" + from + "\"", now);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ServiceEnvironment.kafkaBootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, callId, payload);
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", eventId);
            header(record, "ce_type", "dk.hotline.call.connected.v1");
            header(record, "ce_source", "urn:dk:hotline:telephony-adapter");
            header(record, "ce_subject", callId);
            header(record, "ce_time", now.toString());
            header(record, "content-type", "application/json");
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
