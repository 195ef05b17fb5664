package dk.hotline.platform.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness detail of a service with an outbox (core, routing): how many events wait
 * to be published and how old the oldest is. Kafka being down only makes these grow:
 * every write is safe in the database, so the service stays ready and the lag is the
 * alert. The check is DOWN only when PostgreSQL does not answer, the one dependency
 * without which the service cannot serve its users (docs/operations.md, "Health").
 */
@Readiness
@ApplicationScoped
public class OutboxLag implements AsyncHealthCheck {

    static final String QUERY = "SELECT count(*) AS pending, "
            + "coalesce(extract(epoch FROM (now() - min(created_at))), 0)::bigint AS oldest "
            + "FROM outbox_event WHERE published_at IS NULL";

    private final Pool pool;

    public OutboxLag(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query(QUERY).execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return HealthCheckResponse.named("outbox").up()
                            .withData("pending", row.getLong("pending"))
                            .withData("oldestPendingSeconds", row.getLong("oldest"))
                            .build();
                })
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("outbox").down()
                        .withData("database", "unreachable: " + failure.getClass().getSimpleName())
                        .build());
    }
}
