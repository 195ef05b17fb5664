package dk.hotline.telephony.config;

import dk.hotline.telephony.call.domain.CallTracker;
import dk.hotline.telephony.call.domain.CallerHasher;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.telephony.routing.domain.LinePolicy;
import dk.hotline.telephony.routing.domain.QueuePresence;
import dk.hotline.telephony.routing.domain.Router;
import dk.hotline.telephony.routing.domain.ScheduleReplica;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/** Wires the plain-Java domain objects; they know nothing of Quarkus. */
@ApplicationScoped
public class DomainProducers {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    ScheduleReplica scheduleReplica(Clock clock) {
        return new ScheduleReplica(clock);
    }

    @Produces
    @ApplicationScoped
    QueuePresence queuePresence(Clock clock) {
        return new QueuePresence(clock);
    }

    @Produces
    @ApplicationScoped
    Router router(Clock clock, ScheduleReplica replica, QueuePresence presence, HotlineConfig config) {
        Map<Line, LinePolicy> policies = new EnumMap<>(Line.class);
        for (Line line : Line.values()) {
            HotlineConfig.LineSettings s = config.lines().get(line);
            if (s == null) {
                throw new IllegalStateException("missing configuration hotline.lines." + line);
            }
            policies.put(line, new LinePolicy(s.overflowEnabled(), s.maxLongestWait(), s.failSafeSite()));
        }
        return new Router(clock, replica, presence, policies);
    }

    @Produces
    @ApplicationScoped
    CallTracker callTracker(Clock clock, HotlineConfig config) {
        return new CallTracker(clock, new CallerHasher(config.callerHashSecret()));
    }
}
