package dk.hotline.routing.referral.domain;

/**
 * What came of an accepted referral, as its recipient reports it: the fixed list the hotline's strategy measures
 * itself by (confirmed concerns and cases started). The codes are those core's statistics count.
 */
public enum RecipientOutcome {
    /** Concern confirmed — a case was started. */
    CASE_STARTED,
    /** Concern not confirmed. */
    NOT_CONFIRMED,
    /** Handed to the police or PET. */
    HANDED_TO_POLICE,
    /** Referred to another service. */
    REFERRED_TO_OTHER_SERVICE,
    /** No contact with the person could be obtained. */
    NO_CONTACT
}
