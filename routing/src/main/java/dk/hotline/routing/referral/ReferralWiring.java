package dk.hotline.routing.referral;

import dk.hotline.routing.referral.domain.DeadlinePolicy;
import dk.hotline.routing.referral.domain.ReferralLifecycle;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Wires the referral rules (plain Java) into CDI. */
public class ReferralWiring {

    @Produces
    @Singleton
    DeadlinePolicy deadlinePolicy(Clock clock) {
        return new DeadlinePolicy(clock);
    }

    @Produces
    @Singleton
    ReferralLifecycle lifecycle() {
        return new ReferralLifecycle();
    }
}
