package dk.hotline.telephony.health;

import dk.hotline.telephony.ami.AmiConnector;
import dk.hotline.telephony.routing.domain.Line;
import dk.hotline.telephony.routing.domain.ScheduleReplica;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the schedule replica is fresh for every line, so calls are routed by the real rotation. The AMI
 * connection is reported under wellness ({@code /q/health/well}), not readiness: without it calls are still routed,
 * only not followed, and taking the adapter out of service would make Asterisk fall back for every call. The FastAGI
 * server answers even when not ready (fail-safe routing); liveness stays up, so the process is not restarted for a
 * dependency that is down.
 */
public final class ReadinessChecks {

    private ReadinessChecks() {
    }

    @Wellness
    @ApplicationScoped
    public static class Ami implements HealthCheck {
        private final AmiConnector ami;

        public Ami(AmiConnector ami) {
            this.ami = ami;
        }

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("ami").status(ami.isConnected()).build();
        }
    }

    @Readiness
    @ApplicationScoped
    public static class Replica implements HealthCheck {
        private final ScheduleReplica replica;

        public Replica(ScheduleReplica replica) {
            this.replica = replica;
        }

        @Override
        public HealthCheckResponse call() {
            var builder = HealthCheckResponse.named("schedule-replica").status(replica.isFresh());
            for (Line line : Line.values()) {
                builder.withData(line.name(), replica.isFresh(line) ? "fresh" : "missing-or-stale");
            }
            return builder.build();
        }
    }
}
