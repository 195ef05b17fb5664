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
    CALL_LIFECYCLE_V1("call-lifecycle.v1.schema.json"),
    REFERRAL_CREATED_V1("referral-created.v1.schema.json"),
    REFERRAL_STATUS_V1("referral-status.v1.schema.json");

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

    private JsonSchema schema() {
        JsonSchema loaded = schema;
        if (loaded == null) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            try (InputStream in = Contract.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("contract schema " + file + " is not on the class path");
                }
                loaded = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
            } catch (IOException e) {
                throw new UncheckedIOException(file, e);
            }
            schema = loaded;
        }
        return loaded;
    }
}
