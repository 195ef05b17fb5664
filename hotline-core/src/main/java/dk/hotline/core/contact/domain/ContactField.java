package dk.hotline.core.contact.domain;

/** The fields of a log a PATCH may clear (send them in {@code clear}). */
public enum ContactField {
    callerRole, callerSector, concernCategory, ageBand, municipalityCode, adviceThemes, summary, outcome
}
