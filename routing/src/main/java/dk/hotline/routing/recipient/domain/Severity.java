package dk.hotline.routing.recipient.domain;

/** Severity of a referral; sets the deadline for acting on it (ACUTE is a police matter). */
public enum Severity {
    ACUTE, HIGH, MEDIUM, LOW
}
