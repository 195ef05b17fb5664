package dk.hotline.core.audit;

/** What was done to a personal record; REFUSED: a change asked for that the access rules refused (nothing changed). */
public enum AuditAction {
    READ, CREATE, UPDATE, AMEND, FINALISE, ANONYMISE, DELETE, REFUSED
}
