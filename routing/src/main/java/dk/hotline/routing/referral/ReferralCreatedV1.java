package dk.hotline.routing.referral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Severity;
import dk.hotline.contracts.vocabulary.Site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Payload of {@code dk.hotline.referral.created.v1} (docs/events/referral-created.v1.schema.json).
 * Unknown fields are ignored so core can add optional fields without breaking routing.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralCreatedV1(String referralId, String contactId, Line line, Site handledBySite, Severity severity,
                                Instant createdAt, Instant deadlineAt, String municipalityCode, AgeBand ageBand,
                                String concernCategory, String legalBasis, String description,
                                CallerContact callerContact) {

    public static final String TYPE = "dk.hotline.referral.created.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CallerContact(String name, String phone, String email) {
    }

    /** The fields routing cannot work without; empty when the event is usable. */
    public List<String> missingFields() {
        List<String> missing = new ArrayList<>();
        if (referralId == null || referralId.isBlank() || referralId.length() > 64) {
            missing.add("referralId");
        }
        if (line == null) {
            missing.add("line");
        }
        if (handledBySite == null) {
            missing.add("handledBySite");
        }
        if (severity == null) {
            missing.add("severity");
        }
        if (createdAt == null) {
            missing.add("createdAt");
        }
        if (deadlineAt == null) {
            missing.add("deadlineAt");
        }
        return missing;
    }
}
