package dk.hotline.telephony.config;

import dk.hotline.telephony.call.domain.CallTracker;
import dk.hotline.telephony.call.domain.CallerHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The clock and the call domain's plain-Java objects (routing's are wired in {@code routing.RoutingWiring}). */
@ApplicationScoped
public class DomainProducers {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    CallTracker callTracker(Clock clock, HotlineConfig config) {
        return new CallTracker(clock, new CallerHasher(config.callerHashSecret()));
    }
}
