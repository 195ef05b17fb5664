package dk.hotline.telephony.presence;

import dk.hotline.telephony.config.HotlineConfig;
import dk.hotline.telephony.presence.domain.AdvisorPresence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Wires the advisors' wanted queue presence (plain Java) with its follow-up time. */
@ApplicationScoped
public class PresenceProducer {

    @Produces
    @ApplicationScoped
    AdvisorPresence advisorPresence(Clock clock, HotlineConfig config) {
        return new AdvisorPresence(clock, config.presence().wrapUp());
    }
}
