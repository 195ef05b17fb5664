package dk.hotline.core.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.hotline.platform.events.EventFieldCipher;

import java.time.Instant;

/**
 * Payload of {@code dk.hotline.referral.created.v1} on {@code hotline.referrals}
 * (docs/events/README.md). {@code municipalityCode} is null only on
 * COPENHAGEN_LOCAL; {@code callerContact} is present only with CONSENT.
 * {@code description} and each part of {@code callerContact} are sealed with the
 * event keys ({@link EventFieldCipher}): never in clear in the outbox or on Kafka.
 */
public record ReferralCreated(String referralId, String contactId, String line, String handledBySite, String severity,
                              Instant createdAt, Instant deadlineAt, String municipalityCode, String ageBand,
                              String concernCategory, String legalBasis, String description,
                              @JsonInclude(JsonInclude.Include.NON_NULL) CallerContact callerContact) {

    public static final String TYPE = "dk.hotline.referral.created.v1";
    /** The event's place in the sealed values' associated data (with the field and the referral id). */
    public static final String EVENT = "referral_created";

    public record CallerContact(String name, String phone, String email) {
    }

    static ReferralCreated of(Referral r, EventFieldCipher sealed) {
        CallerContact contact = r.callerName == null && r.callerPhone == null && r.callerEmail == null
                ? null : new CallerContact(sealed.seal(EVENT, "caller_name", r.id.toString(), r.callerName),
                        sealed.seal(EVENT, "caller_phone", r.id.toString(), r.callerPhone),
                        sealed.seal(EVENT, "caller_email", r.id.toString(), r.callerEmail));
        return new ReferralCreated(r.id.toString(), r.contactId.toString(), r.line.name(), r.site.name(), r.severity.name(),
                r.createdAt, r.deadlineAt, r.municipalityCode, r.ageBand.name(),
                r.concernCategory == null ? null : r.concernCategory.name(), r.legalBasis.name(), sealed.seal(EVENT, "description", r.id.toString(), r.description), contact);
    }
}
