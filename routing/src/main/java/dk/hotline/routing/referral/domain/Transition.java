package dk.hotline.routing.referral.domain;

import java.util.List;

/** Result of an action: the new progress and the status events it causes (none when nothing changed). */
public record Transition(Progress progress, List<ReferralStatus> events) {
    public Transition {
        events = List.copyOf(events);
    }

    public boolean changed() {
        return !events.isEmpty();
    }
}
