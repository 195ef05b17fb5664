package dk.hotline.routing.referral.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The recipient's side of a referral: delivered → acknowledged → accepted or rejected; accepted → closed when its
 * outcome is recorded; forwarded to another organisation at any point before a decision (the new recipient starts at
 * delivered). Repeating an action that already took effect changes nothing and emits nothing (idempotent); accepting
 * or rejecting implies acknowledging; accepting a rejected referral (or the reverse) is a conflict.
 */
public final class ReferralLifecycle {

    public Transition delivered(Progress current) {
        return current == Progress.ROUTED
                ? new Transition(Progress.DELIVERED, List.of(ReferralStatus.DELIVERED))
                : new Transition(current, List.of());
    }

    public Transition apply(Progress current, RecipientAction action) {
        return switch (action) {
            case ACKNOWLEDGE -> current.acknowledged()
                    ? new Transition(current, List.of())
                    : new Transition(Progress.ACKNOWLEDGED, List.of(ReferralStatus.ACKNOWLEDGED));
            case ACCEPT -> decide(current, Progress.ACCEPTED, ReferralStatus.ACCEPTED);
            case REJECT -> decide(current, Progress.REJECTED, ReferralStatus.REJECTED);
            case FORWARD -> forward(current);
            case RECORD_OUTCOME -> throw new IllegalArgumentException("an outcome is recorded with recordOutcome");
        };
    }

    /**
     * Forwarding hands the referral to another organisation, which receives it anew (routed; delivered when it is
     * in the new inbox or pushed); never after a decision.
     */
    public Transition forward(Progress current) {
        if (current.decided()) {
            throw new ActionConflictException("the referral is already " + current.name().toLowerCase(java.util.Locale.ROOT)
                    + "; only an undecided referral can be forwarded");
        }
        return new Transition(Progress.ROUTED, List.of(ReferralStatus.FORWARDED));
    }

    /**
     * Records what came of an accepted referral. The same outcome again changes nothing; another outcome once one is
     * recorded, or an outcome before accepting, is a conflict.
     */
    public Transition recordOutcome(Progress current, RecipientOutcome recorded, RecipientOutcome outcome) {
        if (current == Progress.CLOSED) {
            if (recorded == outcome) {
                return new Transition(current, List.of());
            }
            throw new ActionConflictException("an outcome is already recorded");
        }
        if (current != Progress.ACCEPTED) {
            throw new ActionConflictException("only an accepted referral can have an outcome; accept it first");
        }
        return new Transition(Progress.CLOSED, List.of(ReferralStatus.OUTCOME_RECORDED));
    }

    private Transition decide(Progress current, Progress target, ReferralStatus event) {
        if (current == target) {
            return new Transition(current, List.of());
        }
        if (current.decided()) {
            throw new ActionConflictException("the referral is already " + current.name().toLowerCase(java.util.Locale.ROOT));
        }
        List<ReferralStatus> events = new ArrayList<>();
        if (!current.acknowledged()) {
            events.add(ReferralStatus.ACKNOWLEDGED);
        }
        events.add(event);
        return new Transition(target, events);
    }
}
