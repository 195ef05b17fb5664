package dk.hotline.routing.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.contracts.rules.Deadlines;
import dk.hotline.contracts.vocabulary.Severity;
import dk.hotline.platform.crypto.FieldCipher;
import dk.hotline.platform.events.EventFieldCipher;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Plays hotline-core's outbox: publishes {@code dk.hotline.referral.created.v1} as a binary-mode CloudEvent keyed
 * by referral id, after checking the payload against the contract's schema. As core does, it seals the personal
 * fields (description, caller contact) with the event keys; the payloads built here hold them in clear.
 */
public final class ReferralEvents implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The %test event key of routing's application.properties (also what the packaged test-profile app holds). */
    public static final EventFieldCipher EVENT_KEYS = new EventFieldCipher(new FieldCipher(
            FieldCipher.parseKeys("testev1:Q2hvb3NlIGEgcmVhbCBrZXkgaW4gcHJvZHVjdGlvbiE="), "testev1"));
    private final KafkaProducer<String, String> producer;
    private final String topic;

    public ReferralEvents() {
        this(RoutingTestResources.bootstrap(),
                ConfigProvider.getConfig().getValue("mp.messaging.incoming.referrals.topic", String.class));
    }

    public ReferralEvents(String bootstrap, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new StringSerializer());
    }

    /** A referral as core would create it; adjust with {@link Referral#with}. */
    public static Referral referral(String municipalityCode, String ageBand) {
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("referralId", UUID.randomUUID().toString());
        p.put("contactId", UUID.randomUUID().toString());
        p.put("line", "NATIONAL");
        p.put("handledBySite", "AARHUS");
        p.put("severity", "HIGH");
        p.put("createdAt", created.toString());
        p.put("deadlineAt", Deadlines.due(Severity.HIGH, created).toString()); // core computes it, by the one rule
        p.put("municipalityCode", municipalityCode);
        p.put("ageBand", ageBand);
        p.put("concernCategory", "RIGHT_WING_EXTREMISM");
        p.put("legalBasis", "CONSENT");
        p.put("description", "Worried teacher: pupil shares propaganda");
        p.put("callerContact", Map.of("name", "Test Teacher", "phone", "+4512345678", "email", "teacher@example.dk"));
        return new Referral(UUID.randomUUID().toString(), p);
    }

    public record Referral(String eventId, Map<String, Object> payload) {
        public String id() {
            return (String) payload.get("referralId");
        }

        public Referral with(String field, Object value) {
            Map<String, Object> copy = new LinkedHashMap<>(payload);
            copy.put(field, value);
            return new Referral(eventId, copy);
        }

        /** The same referral re-published as a new event (core's outbox sending it again). */
        public Referral asNewEvent() {
            return new Referral(UUID.randomUUID().toString(), payload);
        }

        public String json() {
            Map<String, Object> sealed = new LinkedHashMap<>(payload);
            String key = String.valueOf(payload.get("referralId"));
            if (sealed.get("description") instanceof String d) {
                sealed.put("description", EVENT_KEYS.seal("referral_created", "description", key, d));
            }
            if (sealed.get("callerContact") instanceof Map<?, ?> contact) {
                Map<String, Object> parts = new LinkedHashMap<>();
                contact.forEach((k, v) -> parts.put((String) k,
                        v instanceof String text ? EVENT_KEYS.seal("referral_created", "caller_" + k, key, text) : v));
                sealed.put("callerContact", parts);
            }
            try {
                return MAPPER.writeValueAsString(sealed);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public void publish(Referral r) {
        publish(r, null);
    }

    public void publish(Referral r, Integer partition) {
        String json = r.json();
        EventSchemas.REFERRAL_CREATED.assertValid(json);
        publishRaw(r.eventId(), "dk.hotline.referral.created.v1", r.id(), json, partition);
    }

    /** Publishes any value, valid or not, with CloudEvent headers. */
    public void publishRaw(String eventId, String type, String key, String value, Integer partition) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(eventId));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes("/hotline/core"));
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("ce_subject", bytes(key));
        headers.add("content-type", bytes("application/json"));
        try {
            producer.send(new ProducerRecord<>(topic, partition, key, value, headers)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
