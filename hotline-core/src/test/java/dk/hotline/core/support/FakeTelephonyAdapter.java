package dk.hotline.core.support;

import dk.hotline.contracts.Contract;
import java.util.List;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/**
 * Plays the telephony adapter on Kafka: publishes dk.hotline.call.&lt;state&gt;.v1
 * in CloudEvents binary mode (ce_* headers, JSON value), keyed by call id,
 * with ce_id = callId/STATE (callId/CONNECTED/n for a call handed on), as the adapter does.
 */
public final class FakeTelephonyAdapter implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;

    public FakeTelephonyAdapter(String topic) {
        this.topic = topic;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props);
    }

    /** Publishes one life-cycle event and waits for the broker's acknowledgement. */
    public void publish(String callId, String state, String site, String advisorEndpoint, Instant occurredAt) {
        publish(callId, state, site, advisorEndpoint, null, occurredAt, callId + "/" + state);
    }

    /**
     * The adapter's CONNECTED after a transfer: the receiving advisor's endpoint, {@code transferredFrom} the first
     * advisor's, and the event id {@code <callId>/CONNECTED/<n>} (n ≥ 2), so that it is not taken for a redelivery.
     */
    public void publishTransferred(String callId, String site, String advisorEndpoint, String transferredFrom, Instant occurredAt, int n) {
        publish(callId, "CONNECTED", site, advisorEndpoint, transferredFrom, occurredAt, callId + "/CONNECTED/" + n);
    }

    private void publish(String callId, String state, String site, String advisorEndpoint, String transferredFrom,
                         Instant occurredAt, String eventId) {
        String payload = """
                {"callId":"%s","state":"%s","line":"NATIONAL","site":"%s","queue":"hotline-%s",
                 "advisorEndpoint":%s,"transferredFrom":%s,"occurredAt":"%s","waitSeconds":2,"talkSeconds":null,
                 "callerHash":"q3Vx0m8kYw2hLr1bXn5s7e9tUa4cD6fG8iJ0kL2mN4o","routing":{"action":"QUEUE","degraded":false,"overflowReason":null},
                 "endReason":%s}""".formatted(callId, state, site, site.toLowerCase(),
                advisorEndpoint == null ? "null" : "\"" + advisorEndpoint + "\"",
                transferredFrom == null ? "null" : "\"" + transferredFrom + "\"", occurredAt,
                state.equals("ENDED") || state.equals("ABANDONED") ? "\"CALLER_HANGUP\"" : "null");
        // What core's tests feed in is what the adapter may send: valid against the call-lifecycle contract.
        List<String> violations = Contract.CALL_LIFECYCLE_V1.violations(payload);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("not a call-lifecycle.v1 event: " + violations);
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, callId, payload);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_type", "dk.hotline.call." + state.toLowerCase() + ".v1");
        header(record, "ce_source", "urn:dk:hotline:telephony-adapter");
        header(record, "ce_subject", callId);
        header(record, "ce_time", occurredAt.toString());
        header(record, "content-type", "application/json");
        send(record);
    }

    /** Publishes any value under a key, with the adapter's CloudEvent headers: for what a broken producer might send. */
    public void publishRaw(String key, String eventId, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_type", "dk.hotline.call.offered.v1");
        header(record, "ce_source", "urn:dk:hotline:telephony-adapter");
        header(record, "content-type", "application/json");
        send(record);
    }

    /** Digits for the second half of an Asterisk Linkedid ("1732262400.<digits>"), unique within a test run. */
    public static String uniqueDigits() {
        return String.valueOf(java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    private void send(ProducerRecord<String, String> record) {
        try {
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

    @Override
    public void close() {
        producer.close();
    }
}
