package dk.hotline.telephony.health;

import dk.hotline.telephony.ami.AmiConnector;
import dk.hotline.telephony.config.HotlineConfig;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.telephony.routing.domain.ScheduleReplica;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the schedule replica is fresh for every line, so calls are routed by the real rotation. The AMI
 * connection is reported under wellness ({@code /q/health/well}), not readiness: without it calls are still routed,
 * only not followed, and taking the adapter out of service would make Asterisk fall back for every call. Where no
 * Asterisk is expected (the local stack, {@code hotline.ami.required=false}) the link's absence is a detail, not DOWN. The FastAGI
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
        private final boolean required;

        public Ami(AmiConnector ami, HotlineConfig config) {
            this.ami = ami;
            this.required = config.ami().required();
        }

        /** DOWN only when Asterisk is expected ({@code hotline.ami.required}) and the link is not up. */
        @Override
        public HealthCheckResponse call() {
            boolean connected = ami.isConnected();
            return HealthCheckResponse.named("ami").status(connected || !required)
                    .withData("connected", connected).withData("required", required).build();
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
