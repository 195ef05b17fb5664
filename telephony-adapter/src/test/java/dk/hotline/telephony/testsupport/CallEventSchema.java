package dk.hotline.telephony.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/** docs/events/call-lifecycle.v1.schema.json, the one description of the call event payload. */
public final class CallEventSchema {

    private static final Path FILE = Path.of("..", "docs", "events", "call-lifecycle.v1.schema.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonSchema schema;

    public CallEventSchema() {
        try (InputStream in = Files.newInputStream(FILE)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema violations of one payload; empty when it conforms. */
    public String violations(String json) {
        try {
            Set<ValidationMessage> errors = schema.validate(MAPPER.readTree(json));
            return errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; "));
        } catch (IOException e) {
            return "not JSON: " + e.getMessage();
        }
    }
}
