package dk.hotline.routing.recipient.domain;

/** The kinds of organisation a referral can be handed to. */
public enum OrganisationKind {
    INFOHUS, SSP_NETWORK, COORDINATION_UNIT, POLICE_DISTRICT, TRIAGE
}
