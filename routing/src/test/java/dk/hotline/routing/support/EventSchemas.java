package dk.hotline.routing.support;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The event contracts of docs/events, as validators: what we consume and what we produce must match them. */
public final class EventSchemas {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    public static final EventSchemas REFERRAL_CREATED = new EventSchemas("referral-created.v1.schema.json");
    public static final EventSchemas REFERRAL_STATUS = new EventSchemas("referral-status.v1.schema.json");

    private final JsonSchema schema;

    private EventSchemas(String file) {
        Path path = Path.of("..", "docs", "events", file);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = Files.newInputStream(path)) {
            this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException("schema " + path.toAbsolutePath(), e);
        }
    }

    public Set<ValidationMessage> validate(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return schema.validate(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void assertValid(String json) {
        assertThat(validate(json)).as("schema violations of %s", json).isEmpty();
    }
}
