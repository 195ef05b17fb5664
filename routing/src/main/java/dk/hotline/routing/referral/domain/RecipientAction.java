package dk.hotline.routing.referral.domain;

/** What a recipient can do with a referral in its inbox. */
public enum RecipientAction {
    ACKNOWLEDGE, ACCEPT, REJECT, FORWARD, RECORD_OUTCOME
}
