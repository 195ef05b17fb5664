package dk.hotline.telephony.routing;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.telephony.config.HotlineConfig;
import dk.hotline.telephony.routing.domain.LinePolicy;
import dk.hotline.telephony.routing.domain.QueuePresence;
import dk.hotline.telephony.routing.domain.Router;
import dk.hotline.telephony.routing.domain.ScheduleReplica;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * Wires routing's plain-Java domain objects; they know nothing of Quarkus. Beside the feature it wires, so that the
 * configuration package does not depend on routing while routing reads the configuration.
 */
@ApplicationScoped
public class RoutingWiring {

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
}
