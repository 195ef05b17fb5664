package dk.hotline.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One contract between the services: a JSON Schema (2020-12) kept in this module. Producer tests check what they
 * send and consumer tests what they accept against the same file, so either side breaking the other fails a build.
 */
public enum Contract {
    /** hotline.calls: telephony-adapter → hotline-core. */
    CALL_LIFECYCLE_V1("call-lifecycle.v1.schema.json"),
    /** hotline.referrals: hotline-core → routing. */
    REFERRAL_CREATED_V1("referral-created.v1.schema.json"),
    /** hotline.deliveries: routing → hotline-core. */
    REFERRAL_STATUS_V1("referral-status.v1.schema.json"),
    /** hotline.rotation (compacted): hotline-core → telephony-adapter. */
    ROTATION_SCHEDULE_V1("rotation-schedule.v1.schema.json"),
    /** HTTP {@code GET /api/rotation/schedule/{line}} of hotline-core, read by the telephony adapter. */
    ROTATION_SCHEDULE_SNAPSHOT_V1("rotation-schedule-snapshot.v1.schema.json"),
    /** HTTP {@code GET /api/routing/preview} of routing, read by hotline-core's advisor console. */
    ROUTING_PREVIEW_V1("routing-preview.v1.schema.json"),
    /** HTTP {@code GET /api/supervisor/dead-letters} of routing, read by hotline-core's supervisor board. */
    DEAD_LETTERS_V1("dead-letters.v1.schema.json"),
    /** HTTP {@code GET /api/telephony/queues} of the telephony adapter, read by hotline-core's supervisor board. */
    TELEPHONY_QUEUES_V1("telephony-queues.v1.schema.json"),
    /** HTTP {@code GET}/{@code PUT /api/telephony/presence/{endpoint}} of the telephony adapter: its answer, read by hotline-core. */
    TELEPHONY_PRESENCE_V1("telephony-presence.v1.schema.json"),
    /** HTTP {@code PUT /api/telephony/presence/{endpoint}}: the body hotline-core sends. */
    TELEPHONY_PRESENCE_CHANGE_V1("telephony-presence-change.v1.schema.json"),
    /** HTTP {@code POST /api/telephony/calls/{callId}/transfer}: the body hotline-core sends to hand a call on. */
    TELEPHONY_TRANSFER_V1("telephony-transfer.v1.schema.json");

    /** Where a schema's {@code $ref} to another contract's {@code $id} is found: on the class path, beside this class. */
    private static final String ID_PREFIX = "https://hotline.dk/events/";
    private static final String CLASSPATH_PREFIX = "classpath:dk/hotline/contracts/";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String file;
    private volatile JsonSchema schema;

    Contract(String file) {
        this.file = file;
    }

    /** The schema file's name, under {@code dk/hotline/contracts/} on the class path. */
    public String file() {
        return file;
    }

    /** The violations of one JSON document, in words; empty when it conforms (and when it is not JSON, one entry). */
    public List<String> violations(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        return schema().validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** The schema's own examples: valid documents a consumer's test can feed in. */
    public List<String> examples() {
        JsonNode examples = document().path("examples");
        List<String> out = new java.util.ArrayList<>();
        examples.forEach(e -> out.add(e.toString()));
        return out;
    }

    /**
     * Whether the schema makes a producer send this field: each step of {@code path} (dot separated; {@code []} after
     * a name steps into the items of an array) is listed as required. A consumer's test names every field it reads,
     * so a schema change that lets a producer drop one fails that test.
     */
    public boolean requires(String path) {
        JsonNode node = resolved(document());
        for (String step : path.split("\\.")) {
            boolean array = step.endsWith("[]");
            String name = array ? step.substring(0, step.length() - 2) : step;
            boolean required = false;
            for (JsonNode r : node.path("required")) {
                required |= r.asText().equals(name);
            }
            if (!required) {
                return false;
            }
            node = resolved(node.path("properties").path(name));
            if (array) {
                node = resolved(node.path("items"));
            }
        }
        return true;
    }

    /**
     * The fields a consumer's payload record reads (its components, nested records and lists of records followed)
     * that this schema does not describe, so no producer is bound to send them. A consumer's contract test expects
     * none: when a producer renames or drops a field the consumer reads, the schema changes with it and the test fails.
     */
    public List<String> undescribed(Class<? extends Record> payload) {
        List<String> paths = new java.util.ArrayList<>();
        components(payload, "", paths);
        return paths.stream().filter(p -> !describes(p)).toList();
    }

    /** Whether the schema describes this field (path as in {@link #requires}), required or not. */
    public boolean describes(String path) {
        JsonNode node = resolved(document());
        for (String step : path.split("\\.")) {
            boolean array = step.endsWith("[]");
            String name = array ? step.substring(0, step.length() - 2) : step;
            node = resolved(node.path("properties").path(name));
            if (node.isMissingNode()) {
                return false;
            }
            if (array) {
                node = resolved(node.path("items"));
            }
        }
        return true;
    }

    private static void components(Class<?> type, String prefix, List<String> paths) {
        for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
            String path = prefix + c.getName();
            Class<?> t = c.getType();
            if (t.isRecord()) {
                components(t, path + ".", paths);
            } else if (List.class.isAssignableFrom(t) && c.getGenericType() instanceof java.lang.reflect.ParameterizedType pt
                    && pt.getActualTypeArguments()[0] instanceof Class<?> item && item.isRecord()) {
                components(item, path + "[].", paths);
            } else {
                paths.add(path);
            }
        }
    }

    private static JsonNode resolved(JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (ref.isEmpty()) {
            return node;
        }
        for (Contract c : values()) {
            if (ref.equals(c.document().path("$id").asText())) {
                return c.document();
            }
        }
        throw new IllegalStateException("no contract has $id " + ref);
    }

    private JsonNode document() {
        try (InputStream in = Contract.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("contract schema " + file + " is not on the class path");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
    }

    private JsonSchema schema() {
        JsonSchema loaded = schema;
        if (loaded == null) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            try (InputStream in = Contract.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("contract schema " + file + " is not on the class path");
                }
                loaded = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                                builder -> builder.schemaMappers(m -> m.mapPrefix(ID_PREFIX, CLASSPATH_PREFIX)))
                        .getSchema(in, config);
            } catch (IOException e) {
                throw new UncheckedIOException(file, e);
            }
            schema = loaded;
        }
        return loaded;
    }
}
