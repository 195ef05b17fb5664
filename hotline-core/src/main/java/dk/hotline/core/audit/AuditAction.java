package dk.hotline.core.audit;

/** What was done to a personal record; REFUSE: a caller whose role passed was refused it (a service not its owner). */
public enum AuditAction {
    READ, CREATE, UPDATE, AMEND, FINALISE, ANONYMISE, DELETE, REFUSE
}
