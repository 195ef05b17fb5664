package dk.hotline.routing.referral.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The recipient's side of a referral: delivered → acknowledged → accepted or rejected.
 * Repeating an action that already took effect changes nothing and emits nothing (idempotent); accepting or
 * rejecting implies acknowledging; accepting a rejected referral (or the reverse) is a conflict.
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
        };
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
