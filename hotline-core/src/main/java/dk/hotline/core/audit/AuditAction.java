package dk.hotline.core.audit;

/** What was done to a personal record. */
public enum AuditAction {
    READ, CREATE, UPDATE, AMEND, FINALISE, ANONYMISE, DELETE
}
