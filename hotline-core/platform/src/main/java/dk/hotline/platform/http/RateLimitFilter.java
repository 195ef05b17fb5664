package dk.hotline.platform.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;

/**
 * Limits how fast one client address may call the API a browser reaches (in every
 * service: the advisors' and admins' API in core, the recipients' inbox in routing), so a
 * runaway script or a guessing attack is slowed down before it reaches the
 * database. Health, metrics and OpenAPI are not limited.
 */
@ApplicationScoped
public class RateLimitFilter {

    private final RequestBudget budget;
    private final boolean enabled;

    public RateLimitFilter(Clock clock,
                           @ConfigProperty(name = "hotline.rate-limit.enabled", defaultValue = "true") boolean enabled,
                           @ConfigProperty(name = "hotline.rate-limit.burst", defaultValue = "200") int burst,
                           @ConfigProperty(name = "hotline.rate-limit.per-second", defaultValue = "50") double perSecond) {
        this.enabled = enabled;
        this.budget = new RequestBudget(burst, perSecond, 10_000, clock);
    }

    void register(@Observes Filters filters) {
        filters.register(this::limit, 100);
    }

    void limit(RoutingContext rc) {
        if (!enabled || !rc.normalizedPath().startsWith("/api/")) {
            rc.next();
            return;
        }
        String client = rc.request().remoteAddress() == null ? "unknown" : rc.request().remoteAddress().hostAddress();
        long wait = budget.take(client);
        if (wait == 0) {
            rc.next();
            return;
        }
        rc.response().setStatusCode(429)
                .putHeader("Content-Type", "application/problem+json")
                .putHeader("Retry-After", Long.toString(wait))
                .end(new JsonObject()
                        .put("type", "https://hotline.dk/problems/rate-limited")
                        .put("title", "Too many requests")
                        .put("status", 429)
                        .put("detail", "Slow down: try again in " + wait + " s").encode());
    }
}
