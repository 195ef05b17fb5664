package dk.hotline.routing.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.routing.recipient.domain.RoutingReason;

import java.util.Optional;

/** The routing reason as stored in {@code referral.routing_reason} (JSON text). */
final class RoutingReasonColumn {

    // Configured once here and never changed: a shared, thread-safe reader and writer.
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RoutingReasonColumn() {
    }

    static String write(RoutingReason reason) {
        try {
            return JSON.writeValueAsString(reason);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a routing reason is plain data", e);
        }
    }

    /** Empty for a referral routed before reasons were stored, or one whose stored reason cannot be read. */
    static Optional<RoutingReason> read(String column) {
        if (column == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(column, RoutingReason.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
