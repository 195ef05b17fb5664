package dk.hotline.core.audit;

/**
 * What was done to a personal record; REFUSED: a change or read asked for that the access rules refused (nothing
 * changed), e.g. a service account that is not the callback's owner, or a transfer by an advisor not on the call.
 */
public enum AuditAction {
    READ, CREATE, UPDATE, AMEND, FINALISE, ANONYMISE, DELETE, REFUSED
}
