package dk.hotline.routing.recipient.domain;

/** Which rule decided the recipient. */
public enum RoutingRule {
    ACUTE_POLICE, COPENHAGEN_LOCAL_LINE, TRIAGE_UNKNOWN_MUNICIPALITY, MINOR_SSP, INFOHUS
}
